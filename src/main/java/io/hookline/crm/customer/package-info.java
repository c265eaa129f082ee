/**
 * Customers, the simplest record of the sample CRM, with resource, service and entity side by side:
 * {@link CustomerResource} at {@code /api/v1/crm/customers}, {@link Customers}, where each change's transaction begins
 * and its event is fired, and the {@link Customer} entity. Besides create, PATCH and delete there is a CSV-style
 * import of up to {@value io.hookline.crm.customer.Customers#MAX_IMPORT} customers, all or none, whose
 * {@code customer.created} events reach the outbox as one batch. A PATCH that moves no field fires nothing.
 */
package io.hookline.crm.customer;

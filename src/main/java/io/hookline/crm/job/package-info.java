/**
 * Jobs of the sample CRM (seed 003): work done for a customer, usually paid by an insurance claim. Customer and claim
 * are embedded values ({@link JobContact}, {@link Insurance}) that a PATCH replaces whole, with {@link ContactDetails}
 * and {@link InsuranceDetails} as their wire form. {@link Jobs} fires {@code job.updated} only when the name, customer
 * or insurance moved, since the free-text status is not news to those receivers; a job becomes completed only through
 * {@code POST /api/v1/crm/jobs/{id}/complete}, so every completion is exactly one {@code job.completed}.
 */
package io.hookline.crm.job;

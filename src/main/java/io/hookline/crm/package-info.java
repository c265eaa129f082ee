/**
 * A sample CRM module (customers, jobs, deals) used by the demo and the black-box tests. It stands in for a
 * third-party module: it keeps its own tables and talks to Hookline only through the public event API
 * ({@link io.hookline.event.api}), firing a {@link io.hookline.event.api.CrmEvent} in the same transaction that
 * changes a record. Every record belongs to one tenant; another tenant's record is simply not found.
 */
package io.hookline.crm;

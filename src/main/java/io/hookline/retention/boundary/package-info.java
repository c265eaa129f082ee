/**
 * Retention's timer, its batch artifacts and the operator's view of past runs. {@link RetentionTimer}, a startup
 * singleton, makes a non-persistent calendar timer from {@code hookline.retention.schedule} on every instance and asks
 * control to start the run. The artifacts named in {@code META-INF/batch-jobs/hookline-retention.xml}
 * ({@link RetentionReader}, {@link RetentionWriter}, {@link RetentionJobListener}) just hand each step's target and
 * the run id to control. Only the operator sees past runs ({@code /api/v1/retention-runs}): retention spans tenants.
 */
package io.hookline.retention.boundary;

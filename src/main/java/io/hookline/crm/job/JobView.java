package io.hookline.crm.job;

import java.time.OffsetDateTime;

/** A job as the API shows it. */
public record JobView(String id, String name, String status, ContactDetails customer, InsuranceDetails insurance,
                      String ownerUserId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static JobView of(Job job) {
        return new JobView(job.id(), job.name(), job.status(), ContactDetails.of(job.customer()),
                InsuranceDetails.of(job.insurance()), job.ownerUserId(), job.createdAt(), job.updatedAt());
    }
}

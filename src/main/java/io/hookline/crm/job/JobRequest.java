package io.hookline.crm.job;

import io.hookline.crm.OnCreate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A job as a client sends it: all of it to create, only the fields to change for a PATCH. A customer or insurance
 * that is sent replaces the stored one whole; an empty object removes it.
 */
public record JobRequest(
        @NotBlank(groups = OnCreate.class) @Size(max = 200) String name,
        @Size(max = 50) String status,
        @Valid ContactDetails customer,
        @Valid InsuranceDetails insurance,
        @Size(max = 64) String ownerUserId) {

    JobContact contact() {
        return customer == null ? null : customer.toContact();
    }

    Insurance claim() {
        return insurance == null ? null : insurance.toInsurance();
    }
}

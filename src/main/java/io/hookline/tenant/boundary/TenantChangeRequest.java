package io.hookline.tenant.boundary;

import io.hookline.tenant.control.Tenants;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of the operator's {@code PATCH /api/v1/tenants/{id}}: only the fields to change. */
public record TenantChangeRequest(
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        Boolean developerPlatform,
        Boolean liveDelivery) {

    Tenants.Change toChange() {
        return new Tenants.Change(name, developerPlatform, liveDelivery);
    }
}

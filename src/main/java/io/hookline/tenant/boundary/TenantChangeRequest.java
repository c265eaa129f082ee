package io.hookline.tenant.boundary;

import io.hookline.tenant.control.Tenants;

/** The body of the operator's {@code PATCH /api/v1/tenants/{id}}: only the fields to change. */
public record TenantChangeRequest(
        String name,
        Boolean developerPlatform,
        Boolean liveDelivery) {

    Tenants.Change toChange() {
        return new Tenants.Change(name, developerPlatform, liveDelivery);
    }
}

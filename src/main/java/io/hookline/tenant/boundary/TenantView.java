package io.hookline.tenant.boundary;

import io.hookline.tenant.control.Tenants;
import io.hookline.tenant.entity.Tenant;

import java.time.OffsetDateTime;

/** A tenant as the API shows it. {@code apiKey} is present only in the answer that opened the account. */
public record TenantView(String id, String name, boolean developerPlatform, boolean liveDelivery,
                         OffsetDateTime createdAt, String apiKey) {

    static TenantView of(Tenant tenant) {
        return view(tenant, null);
    }

    static TenantView of(Tenants.Opened opened) {
        return view(opened.tenant(), opened.apiKey());
    }

    private static TenantView view(Tenant tenant, String apiKey) {
        return new TenantView(tenant.id(), tenant.name(), tenant.developerPlatformEnabled(), tenant.liveDelivery(),
                tenant.createdAt(), apiKey);
    }
}

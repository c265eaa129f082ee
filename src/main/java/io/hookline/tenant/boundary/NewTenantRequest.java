package io.hookline.tenant.boundary;


/** The body of {@code POST /api/v1/tenants}; both features default to on. */
public record NewTenantRequest(
        String id,
        String name,
        Boolean developerPlatform,
        Boolean liveDelivery) {

    boolean developerPlatformOrDefault() {
        return developerPlatform == null || developerPlatform;
    }

    boolean liveDeliveryOrDefault() {
        return liveDelivery == null || liveDelivery;
    }
}

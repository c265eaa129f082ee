package io.hookline.tenant.boundary;


/** The body of {@code PATCH /api/v1/tenant}: the tenant's own Settings → Features. */
public record FeaturesRequest(Boolean developerPlatform) {
}

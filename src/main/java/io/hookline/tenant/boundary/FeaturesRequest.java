package io.hookline.tenant.boundary;

import jakarta.validation.constraints.NotNull;

/** The body of {@code PATCH /api/v1/tenant}: the tenant's own Settings → Features. */
public record FeaturesRequest(@NotNull(message = "say true or false") Boolean developerPlatform) {
}

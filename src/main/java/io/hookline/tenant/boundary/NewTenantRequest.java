package io.hookline.tenant.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/tenants}; both features default to on. */
public record NewTenantRequest(
        @NotNull @Pattern(regexp = "[a-z0-9-]{2,64}", message = "use 2 to 64 characters of a-z, 0-9 and '-'") String id,
        @NotBlank @Size(max = 200) String name,
        Boolean developerPlatform,
        Boolean liveDelivery) {

    boolean developerPlatformOrDefault() {
        return developerPlatform == null || developerPlatform;
    }

    boolean liveDeliveryOrDefault() {
        return liveDelivery == null || liveDelivery;
    }
}

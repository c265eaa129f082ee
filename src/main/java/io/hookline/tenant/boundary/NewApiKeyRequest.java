package io.hookline.tenant.boundary;

import io.hookline.tenant.entity.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/** The body of {@code POST /api/v1/api-keys}. The role is text, so a wrong one gets a clear 400, not a parse error. */
public record NewApiKeyRequest(
        @NotBlank @Size(max = 100) String label,
        @NotNull @Pattern(regexp = "(?i)ADMIN|VIEWER", message = "must be ADMIN or VIEWER") String role) {

    Role toRole() {
        return Role.valueOf(role.toUpperCase(Locale.ROOT));
    }
}

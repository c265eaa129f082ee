package io.hookline.tenant.boundary;

import io.hookline.tenant.entity.Role;

import java.util.Locale;

/** The body of {@code POST /api/v1/api-keys}. The role is text, so a wrong one gets a clear 400, not a parse error. */
public record NewApiKeyRequest(
        String label,
        String role) {

    Role toRole() {
        return Role.valueOf(role.toUpperCase(Locale.ROOT));
    }
}

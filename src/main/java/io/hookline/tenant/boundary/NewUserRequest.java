package io.hookline.tenant.boundary;

import io.hookline.tenant.entity.Role;

import java.util.Locale;

/** The body of {@code POST /api/v1/users}; constraints in META-INF/validation/constraints.xml. */
public record NewUserRequest(
        String username,
        String password,
        String role) {

    Role toRole() {
        return Role.valueOf(role.toUpperCase(Locale.ROOT));
    }
}

package io.hookline.tenant.boundary;

import io.hookline.tenant.entity.Role;
import io.hookline.tenant.entity.User;

import java.time.OffsetDateTime;

/** A user as the API shows it: never the password hash. */
public record UserView(String id, String username, Role role, OffsetDateTime createdAt) {

    static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.role(), user.createdAt());
    }
}

package io.hookline.tenant.entity;

/** What an API key may do: an admin everything, a viewer only read. */
public enum Role {
    ADMIN,
    VIEWER;

    public boolean mayChange() {
        return this == ADMIN;
    }
}

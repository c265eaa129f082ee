package io.hookline.tenant.boundary;

import io.hookline.tenant.entity.Role;
import jakarta.enterprise.context.RequestScoped;

/** The tenant the current API request acts for, and the role of its key, set by {@link ApiKeyFilter} before any resource runs. */
@RequestScoped
public class CurrentTenant {

    private String id;
    private Role role;

    void set(String tenantId, Role keyRole) {
        this.id = tenantId;
        this.role = keyRole;
    }

    public String id() {
        if (id == null) {
            throw new IllegalStateException("no authenticated tenant on this request");
        }
        return id;
    }

    public Role role() {
        if (role == null) {
            throw new IllegalStateException("no authenticated tenant on this request");
        }
        return role;
    }
}

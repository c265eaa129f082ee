package io.hookline.tenant.boundary;

import jakarta.enterprise.context.RequestScoped;

/** The tenant the current API request acts for, set by {@link ApiKeyFilter} before any resource runs. */
@RequestScoped
public class CurrentTenant {

    private String id;

    void set(String tenantId) {
        this.id = tenantId;
    }

    public String id() {
        if (id == null) {
            throw new IllegalStateException("no authenticated tenant on this request");
        }
        return id;
    }
}

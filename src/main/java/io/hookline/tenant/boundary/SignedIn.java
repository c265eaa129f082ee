package io.hookline.tenant.boundary;

import io.hookline.tenant.control.Tenants;
import io.hookline.tenant.control.Users;
import io.hookline.tenant.entity.Tenant;
import io.hookline.tenant.entity.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/**
 * Who is signed in to the admin pages, read from the database on every request: the tenant every page and action
 * works on, the role that decides whether it may change anything, and the tenant's features that decide whether the
 * Developer Platform page opens at all.
 */
@Named
@RequestScoped
public class SignedIn {

    @Inject
    SecurityContext security;

    @Inject
    Users users;

    @Inject
    Tenants tenants;

    @Inject
    ExternalContext external;

    private User user;
    private Tenant tenant;

    private User user() {
        if (user == null) {
            Principal caller = security.getCallerPrincipal();
            user = users.find(caller == null ? "" : caller.getName())
                    .orElseThrow(() -> new IllegalStateException("no signed-in user on this request"));
        }
        return user;
    }

    public Tenant tenant() {
        if (tenant == null) {
            tenant = tenants.require(user().tenantId());
        }
        return tenant;
    }

    public String tenantId() {
        return user().tenantId();
    }

    public String username() {
        return user().username();
    }

    public String role() {
        return user().role().name();
    }

    public boolean mayChange() {
        return user().role().mayChange();
    }

    /** The management page opens only with the feature on and live delivery (preview-only workspaces get a teaser). */
    public boolean platformOpen() {
        return tenant().developerPlatformEnabled() && tenant().liveDelivery();
    }

    /** Settings → Features from the page that says the feature is off; the same switch as PATCH /api/v1/tenant. */
    public String turnOnDeveloperPlatform() {
        if (mayChange()) {
            tenants.switchDeveloperPlatform(tenantId(), true);
        }
        return "/admin/endpoints.xhtml?faces-redirect=true";
    }

    public String signOut() throws ServletException {
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/login.xhtml?faces-redirect=true&signedOut=true";
    }
}

package io.hookline.tenant.boundary;

import io.hookline.platform.RequestBodies;
import io.hookline.tenant.control.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The calling tenant's own account. Outside the Developer Platform feature gate: this is where an admin turns the
 * feature on (Settings → Features). Viewers read; only admins change (see {@link ApiKeyFilter}).
 */
@Path("v1/tenant")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    RequestBodies bodies;

    @Inject
    Tenants tenants;

    @Inject
    CurrentTenant tenant;

    @GET
    public TenantView get() {
        return TenantView.of(tenants.require(tenant.id()));
    }

    @PATCH
    public TenantView switchFeatures(FeaturesRequest request) {
        bodies.valid(request);
        return TenantView.of(tenants.switchDeveloperPlatform(tenant.id(), request.developerPlatform()));
    }
}

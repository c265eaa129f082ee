package io.hookline.tenant.boundary;

import io.hookline.platform.RequestBodies;
import io.hookline.tenant.control.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The platform operator opens tenant accounts and sets what they get; only the operator key gets in. */
@Path("v1/tenants")
@OperatorApi
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorResource {

    @Inject
    RequestBodies bodies;

    @Inject
    Tenants tenants;

    @POST
    public Response open(NewTenantRequest request, @Context UriInfo uri) {
        bodies.valid(request);
        Tenants.Opened opened = tenants.open(request.id(), request.name().trim(),
                request.developerPlatformOrDefault(), request.liveDeliveryOrDefault());
        return Response.created(uri.getAbsolutePathBuilder().path(opened.tenant().id()).build())
                .entity(TenantView.of(opened)).build();
    }

    @GET
    @Path("{id}")
    public TenantView get(@PathParam("id") String id) {
        return TenantView.of(tenants.require(id));
    }

    @PATCH
    @Path("{id}")
    public TenantView change(@PathParam("id") String id,
                             TenantChangeRequest request) {
        bodies.valid(request);
        return TenantView.of(tenants.change(id, request.toChange()));
    }
}

package io.hookline.endpoint.boundary;

import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.platform.Page;
import io.hookline.platform.QueryParams;
import io.hookline.platform.RequestBodies;
import io.hookline.tenant.boundary.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;


/** Webhook endpoints of the calling tenant. */
@Path("v1/endpoints")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EndpointResource {

    @Inject
    RequestBodies bodies;

    @Inject
    Endpoints endpoints;

    @Inject
    CurrentTenant tenant;

    @POST
    public Response create(EndpointRequest request, @Context UriInfo uri) {
        bodies.valid(request);
        Endpoint endpoint = endpoints.create(tenant.id(), request.toDraft());
        return Response.created(uri.getAbsolutePathBuilder().path(endpoint.id()).build())
                .entity(EndpointView.withSecret(endpoint)).build();
    }

    @GET
    public Page<EndpointView> list(@QueryParam("cursor") String cursor,
                                   @QueryParam("limit") String limit) {
        return endpoints.list(tenant.id(), QueryParams.text("cursor", cursor, 36), QueryParams.limit(limit, 200))
                .map(EndpointView::of);
    }

    @GET
    @Path("{id}")
    public EndpointView get(@PathParam("id") String id) {
        return EndpointView.of(endpoints.find(tenant.id(), id));
    }

    @PATCH
    @Path("{id}")
    public EndpointView update(@PathParam("id") String id,
                               EndpointChanges changes) {
        bodies.valid(changes);
        Endpoints.Updated updated = endpoints.update(tenant.id(), id, changes.toChanges());
        return updated.secretIssued() ? EndpointView.withSecret(updated.endpoint()) : EndpointView.of(updated.endpoint());
    }

    /** The endpoint stops receiving and disappears from listings; its delivery history stays readable. */
    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") String id) {
        endpoints.delete(tenant.id(), id);
    }

    /** A new signing secret, shown in this answer only; the old one stays valid for the grace period. */
    @POST
    @Path("{id}/rotate-secret")
    public EndpointView rotateSecret(@PathParam("id") String id) {
        return EndpointView.withSecret(endpoints.rotateSecret(tenant.id(), id));
    }

    @POST
    @Path("{id}/enable")
    public EndpointView enable(@PathParam("id") String id) {
        return EndpointView.of(endpoints.enable(tenant.id(), id));
    }

    @POST
    @Path("{id}/disable")
    public EndpointView disable(@PathParam("id") String id) {
        return EndpointView.of(endpoints.disable(tenant.id(), id));
    }
}

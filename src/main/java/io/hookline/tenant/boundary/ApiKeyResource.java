package io.hookline.tenant.boundary;

import io.hookline.platform.RequestBodies;
import io.hookline.tenant.control.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * The calling tenant's API keys. Account settings, so outside the Developer Platform feature gate: an account
 * without the feature still manages who may call it (the CRM API needs keys too). Viewers list; admins issue
 * and revoke. Revoking is idempotent; the last active admin key cannot be revoked (409).
 */
@Path("v1/api-keys")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    @Inject
    RequestBodies bodies;

    @Inject
    ApiKeys apiKeys;

    @Inject
    CurrentTenant tenant;

    @GET
    public List<ApiKeyView> list() {
        return apiKeys.list(tenant.id()).stream().map(ApiKeyView::of).toList();
    }

    @GET
    @Path("{id}")
    public ApiKeyView get(@PathParam("id") String id) {
        return ApiKeyView.of(apiKeys.find(tenant.id(), id));
    }

    @POST
    public Response issue(NewApiKeyRequest request, @Context UriInfo uri) {
        bodies.valid(request);
        ApiKeys.Issued issued = apiKeys.issue(tenant.id(), request.label().trim(), request.toRole());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.apiKey().id()).build())
                .entity(ApiKeyView.of(issued)).build();
    }

    @DELETE
    @Path("{id}")
    public void revoke(@PathParam("id") String id) {
        apiKeys.revoke(tenant.id(), id);
    }
}

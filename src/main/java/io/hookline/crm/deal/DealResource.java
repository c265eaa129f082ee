package io.hookline.crm.deal;

import io.hookline.crm.CrmEvents;
import io.hookline.crm.OnCreate;
import io.hookline.tenant.boundary.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** The sample CRM's deals, for the tenant of the API key. */
@Path("v1/crm/deals")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DealResource {

    @Inject
    Deals deals;

    @Inject
    CurrentTenant currentTenant;

    @POST
    public Response create(@NotNull @Valid @ConvertGroup(to = OnCreate.class) DealRequest request,
                           @HeaderParam(CrmEvents.ACTOR_HEADER) String actorId, @Context UriInfo uri) {
        Deal deal = deals.create(currentTenant.id(), request, actorId);
        return Response.created(uri.getAbsolutePathBuilder().path(deal.id()).build())
                .entity(DealView.of(deal)).build();
    }

    @GET
    public List<DealView> list() {
        return deals.newestFirst(currentTenant.id()).stream().map(DealView::of).toList();
    }

    @GET
    @Path("{id}")
    public DealView find(@PathParam("id") String id) {
        return DealView.of(deals.find(currentTenant.id(), id));
    }

    @PATCH
    @Path("{id}")
    public DealView update(@PathParam("id") String id, @NotNull @Valid DealRequest patch,
                           @HeaderParam(CrmEvents.ACTOR_HEADER) String actorId) {
        return DealView.of(deals.update(currentTenant.id(), id, patch, actorId));
    }

    @POST
    @Path("{id}/won")
    public DealView win(@PathParam("id") String id, @HeaderParam(CrmEvents.ACTOR_HEADER) String actorId) {
        return DealView.of(deals.win(currentTenant.id(), id, actorId));
    }

    @POST
    @Path("{id}/lost")
    public DealView lose(@PathParam("id") String id, @HeaderParam(CrmEvents.ACTOR_HEADER) String actorId) {
        return DealView.of(deals.lose(currentTenant.id(), id, actorId));
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") String id, @HeaderParam(CrmEvents.ACTOR_HEADER) String actorId) {
        deals.delete(currentTenant.id(), id, actorId);
    }
}

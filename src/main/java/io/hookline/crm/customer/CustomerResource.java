package io.hookline.crm.customer;

import io.hookline.crm.CrmEvents;
import io.hookline.crm.OnCreate;
import io.hookline.tenant.boundary.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/** The sample CRM's customers, for the tenant of the API key. */
@Path("v1/crm/customers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @Inject
    Customers customers;

    @Inject
    CurrentTenant currentTenant;

    @POST
    public Response create(@NotNull @Valid @ConvertGroup(to = OnCreate.class) CustomerRequest request,
                           @HeaderParam(CrmEvents.ACTOR_HEADER) String actorId, @Context UriInfo uri) {
        Customer customer = customers.create(currentTenant.id(), request, actorId);
        return Response.created(uri.getAbsolutePathBuilder().path(customer.id()).build())
                .entity(CustomerView.of(customer)).build();
    }

    /**
     * Many new customers in one transaction, as a CSV import would bring them: all or none, each with its own
     * {@code customer.created} event.
     */
    @POST
    @Path("import")
    public List<CustomerView> importAll(
            @NotNull @Size(min = 1, max = Customers.MAX_IMPORT) List<@NotNull @Valid @ConvertGroup(to = OnCreate.class) CustomerRequest> requests,
            @HeaderParam(CrmEvents.ACTOR_HEADER) String actorId) {
        return customers.createAll(currentTenant.id(), requests, actorId).stream().map(CustomerView::of).toList();
    }

    @GET
    public List<CustomerView> list() {
        return customers.newestFirst(currentTenant.id()).stream().map(CustomerView::of).toList();
    }

    @GET
    @Path("{id}")
    public CustomerView find(@PathParam("id") String id) {
        return CustomerView.of(customers.find(currentTenant.id(), id));
    }

    @PATCH
    @Path("{id}")
    public CustomerView update(@PathParam("id") String id, @NotNull @Valid CustomerRequest patch,
                               @HeaderParam(CrmEvents.ACTOR_HEADER) String actorId) {
        return CustomerView.of(customers.update(currentTenant.id(), id, patch, actorId));
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") String id, @HeaderParam(CrmEvents.ACTOR_HEADER) String actorId) {
        customers.delete(currentTenant.id(), id, actorId);
    }
}

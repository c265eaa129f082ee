package io.hookline.delivery.boundary;

import io.hookline.delivery.control.Deliveries;
import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.tenant.boundary.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Delivery history of the calling tenant. */
@Path("v1/deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    @Inject
    Deliveries deliveries;

    @Inject
    Endpoints endpoints;

    @Inject
    CurrentTenant tenant;

    @GET
    public List<DeliveryView> list(@QueryParam("endpointId") @NotBlank(message = "endpointId is required") String endpointId,
                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        endpoints.find(tenant.id(), endpointId);
        return deliveries.ofEndpoint(tenant.id(), endpointId, limit).stream()
                .map(delivery -> DeliveryView.of(delivery, null)).toList();
    }

    @GET
    @Path("{id}")
    public DeliveryView get(@PathParam("id") String id) {
        Delivery delivery = deliveries.find(tenant.id(), id);
        return DeliveryView.of(delivery, deliveries.attempts(delivery));
    }
}

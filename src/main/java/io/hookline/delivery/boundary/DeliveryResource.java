package io.hookline.delivery.boundary;

import io.hookline.delivery.control.Deliveries;
import io.hookline.delivery.control.DeliveryQuery;
import io.hookline.delivery.control.Resends;
import io.hookline.delivery.entity.Attempt;
import io.hookline.delivery.entity.Delivery;
import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.platform.Page;
import io.hookline.platform.ProblemException;
import io.hookline.platform.QueryParams;
import io.hookline.tenant.boundary.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Delivery history of the calling tenant: search, inspect, resend. */
@Path("v1/deliveries")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    @Inject
    Deliveries deliveries;

    @Inject
    Resends resends;

    @Inject
    CurrentTenant tenant;

    @GET
    public Page<DeliveryView> search(@QueryParam("endpointId") String endpointId,
                                     @QueryParam("eventType") String eventType,
                                     @QueryParam("status") String status,
                                     @QueryParam("since") String since,
                                     @QueryParam("until") String until,
                                     @QueryParam("search") String search,
                                     @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") String limit) {
        DeliveryQuery query = new DeliveryQuery(QueryParams.text("endpointId", endpointId, 36),
                QueryParams.text("eventType", eventType, 100), status(status), QueryParams.instant("since", since),
                QueryParams.instant("until", until), QueryParams.text("search", search, 200), QueryParams.text("cursor", cursor, 36),
                QueryParams.limit(limit, 500));
        return deliveries.search(tenant.id(), query).map(DeliveryView::summary);
    }

    @GET
    @Path("{id}")
    public DeliveryView get(@PathParam("id") String id) {
        Delivery delivery = deliveries.find(tenant.id(), id);
        List<Attempt> attempts = deliveries.attempts(delivery);
        return DeliveryView.detail(delivery, attempts, deliveries.request(delivery, attempts));
    }

    /** A new delivery of the same event to the same endpoint; the original stays as it was. */
    @POST
    @Path("{id}/resend")
    public Response resend(@PathParam("id") String id, @Context UriInfo uri) {
        Delivery resent = resends.resend(tenant.id(), id);
        return Response.created(uri.getBaseUriBuilder().path("v1/deliveries").path(resent.id()).build())
                .entity(DeliveryView.summary(resent)).build();
    }

    private static DeliveryStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.badRequest("status: must be one of " + Arrays.toString(DeliveryStatus.values()));
        }
    }
}

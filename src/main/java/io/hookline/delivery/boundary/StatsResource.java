package io.hookline.delivery.boundary;

import io.hookline.delivery.control.DeliveryStats;
import io.hookline.tenant.boundary.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The dashboard figures of the admin page: deliveries of the last 24 hours, success rate, failing endpoints. */
@Path("v1/stats")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    DeliveryStats stats;

    @Inject
    CurrentTenant tenant;

    @GET
    public DeliveryStats.Summary lastDay() {
        return stats.lastDay(tenant.id());
    }
}

package io.hookline.event.boundary;

import io.hookline.event.control.Outbox;
import io.hookline.tenant.boundary.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A committed event of the calling tenant, in its canonical form. */
@Path("v1/events")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    Outbox outbox;

    @Inject
    CurrentTenant tenant;

    @GET
    @Path("{id}")
    public EventView get(@PathParam("id") String id) {
        return EventView.of(outbox.find(tenant.id(), id));
    }
}

package io.hookline.event.boundary;

import io.hookline.event.control.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Collection;

/** The event catalog, so admins and tools can see what an endpoint may subscribe to. */
@Path("v1/event-types")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventTypeResource {

    @Inject
    EventCatalog catalog;

    @GET
    public Collection<EventCatalog.EventType> list() {
        return catalog.all();
    }
}

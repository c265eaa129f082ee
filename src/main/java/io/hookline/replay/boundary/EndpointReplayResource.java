package io.hookline.replay.boundary;

import io.hookline.platform.QueryParams;
import io.hookline.platform.RequestBodies;
import io.hookline.replay.control.ReplayFilter;
import io.hookline.replay.control.ReplayJobs;
import io.hookline.replay.control.Replays;
import io.hookline.replay.entity.Replay;
import io.hookline.tenant.boundary.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Starts a bulk replay of one endpoint (202, then follow the Location), or only counts it ({@code dryRun}). */
@Path("v1/endpoints/{endpointId}/replays")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EndpointReplayResource {

    @Inject
    RequestBodies bodies;

    @Inject
    Replays replays;

    @Inject
    ReplayJobs jobs;

    @Inject
    CurrentTenant tenant;

    @POST
    public Response start(@PathParam("endpointId") String endpointId, ReplayRequest request, @Context UriInfo uri) {
        bodies.valid(request);
        ReplayFilter filter = replays.filter(QueryParams.instant("since", request.since()),
                QueryParams.instant("until", request.until()), request.status(), request.eventTypes(), request.includesMissed());
        if (request.isDryRun()) {
            long count = replays.count(tenant.id(), endpointId, filter);
            return Response.ok(new ReplayView.DryRun(true, count, ReplayView.FilterView.of(filter))).build();
        }
        Replay replay = jobs.start(tenant.id(), endpointId, filter);
        return Response.accepted(ReplayView.of(replay))
                .location(uri.getBaseUriBuilder().path("v1/replays").path(replay.id()).build()).build();
    }
}

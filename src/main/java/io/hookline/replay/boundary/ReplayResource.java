package io.hookline.replay.boundary;

import io.hookline.platform.Page;
import io.hookline.platform.QueryParams;
import io.hookline.replay.control.ReplayJobs;
import io.hookline.replay.control.Replays;
import io.hookline.tenant.boundary.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The calling tenant's replays: progress, stop, restart from the checkpoint. */
@Path("v1/replays")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    @Inject
    Replays replays;

    @Inject
    ReplayJobs jobs;

    @Inject
    CurrentTenant tenant;

    @GET
    public Page<ReplayView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return replays.list(tenant.id(), QueryParams.text("cursor", cursor, 36), QueryParams.limit(limit, 200))
                .map(ReplayView::of);
    }

    @GET
    @Path("{id}")
    public ReplayView get(@PathParam("id") String id) {
        return ReplayView.of(replays.find(tenant.id(), id));
    }

    /** Asks the job to stop after its current chunk: STOPPING, then STOPPED. */
    @POST
    @Path("{id}/stop")
    public ReplayView stop(@PathParam("id") String id) {
        return ReplayView.of(replays.stop(tenant.id(), id));
    }

    /** A stopped or failed replay continues after its checkpoint; nothing it resent is sent again. */
    @POST
    @Path("{id}/restart")
    public Response restart(@PathParam("id") String id) {
        return Response.accepted(ReplayView.of(jobs.restart(tenant.id(), id))).build();
    }
}

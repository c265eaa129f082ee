package io.hookline.crm.job;

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

/** The sample CRM's jobs, for the tenant of the API key. */
@Path("v1/crm/jobs")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    Jobs jobs;

    @Inject
    CurrentTenant currentTenant;

    @POST
    public Response create(@NotNull @Valid @ConvertGroup(to = OnCreate.class) JobRequest request,
                           @HeaderParam(CrmEvents.ACTOR_HEADER) String actorId, @Context UriInfo uri) {
        Job job = jobs.create(currentTenant.id(), request, actorId);
        return Response.created(uri.getAbsolutePathBuilder().path(job.id()).build())
                .entity(JobView.of(job)).build();
    }

    @GET
    public List<JobView> list() {
        return jobs.newestFirst(currentTenant.id()).stream().map(JobView::of).toList();
    }

    @GET
    @Path("{id}")
    public JobView find(@PathParam("id") String id) {
        return JobView.of(jobs.find(currentTenant.id(), id));
    }

    @PATCH
    @Path("{id}")
    public JobView update(@PathParam("id") String id, @NotNull @Valid JobRequest patch,
                          @HeaderParam(CrmEvents.ACTOR_HEADER) String actorId) {
        return JobView.of(jobs.update(currentTenant.id(), id, patch, actorId));
    }

    /** Completing is its own action, not a status PATCH, so that it is always a job.completed event. */
    @POST
    @Path("{id}/complete")
    public JobView complete(@PathParam("id") String id, @HeaderParam(CrmEvents.ACTOR_HEADER) String actorId) {
        return JobView.of(jobs.complete(currentTenant.id(), id, actorId));
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") String id, @HeaderParam(CrmEvents.ACTOR_HEADER) String actorId) {
        jobs.delete(currentTenant.id(), id, actorId);
    }
}

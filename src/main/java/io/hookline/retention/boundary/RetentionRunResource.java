package io.hookline.retention.boundary;

import io.hookline.platform.ProblemException;
import io.hookline.platform.QueryParams;
import io.hookline.retention.control.RetentionRuns;
import io.hookline.tenant.boundary.OperatorApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The latest retention runs, newest first, for the platform operator (retention spans every tenant). */
@Path("v1/retention-runs")
@OperatorApi
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RetentionRunResource {

    @Inject
    RetentionRuns runs;

    @GET
    public List<RetentionRunView> latest(@QueryParam("limit") String limit) {
        return runs.latest(QueryParams.limit(limit, 100)).stream().map(RetentionRunView::of).toList();
    }

    @GET
    @Path("{id}")
    public RetentionRunView get(@PathParam("id") String id) {
        return runs.find(id).map(RetentionRunView::of).orElseThrow(() -> ProblemException.notFound("Retention run " + id));
    }
}

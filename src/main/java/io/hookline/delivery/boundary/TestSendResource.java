package io.hookline.delivery.boundary;

import io.hookline.delivery.control.TestSends;
import io.hookline.tenant.boundary.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** "Send test" on an endpoint: answers once the endpoint has answered (or the attempt timed out). */
@Path("v1/endpoints/{id}/test")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TestSendResource {

    @Inject
    TestSends testSends;

    @Inject
    CurrentTenant tenant;

    @POST
    public TestSendView send(@PathParam("id") String endpointId) {
        return TestSendView.of(testSends.send(tenant.id(), endpointId));
    }
}

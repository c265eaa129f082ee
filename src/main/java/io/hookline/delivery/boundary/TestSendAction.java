package io.hookline.delivery.boundary;

import io.hookline.delivery.control.TestSends;
import io.hookline.tenant.boundary.AdminActions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.Flash;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** "Send test" on the endpoint page: the same call as POST /api/v1/endpoints/{id}/test, its answer shown there. */
@Named
@RequestScoped
public class TestSendAction {

    static final String RESULT = "testResult";

    @Inject
    TestSends testSends;

    @Inject
    AdminActions actions;

    @Inject
    Flash flash;

    public String send(String endpointId) {
        actions.change(tenant -> TestSendView.of(testSends.send(tenant, endpointId)))
                .ifPresent(result -> flash.put(RESULT, result));
        return "/admin/endpoint.xhtml?faces-redirect=true&id=" + endpointId;
    }

    public TestSendView result() {
        return (TestSendView) flash.get(RESULT);
    }
}

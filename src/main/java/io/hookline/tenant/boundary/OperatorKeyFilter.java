package io.hookline.tenant.boundary;

import io.hookline.platform.Problem;
import io.hookline.tenant.control.OperatorKey;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards the operator API. Without {@code hookline.operator.api-key} configured it does not exist: every call answers
 * 404, whatever key it brings. With it, anything but that exact key (a tenant key included) gets 401.
 */
@Provider
@OperatorApi
@Priority(Priorities.AUTHENTICATION)
public class OperatorKeyFilter implements ContainerRequestFilter {

    @Inject
    OperatorKey operatorKey;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!operatorKey.enabled()) {
            request.abortWith(Problem.of(Response.Status.NOT_FOUND, "The operator API is not enabled on this server.").toResponse());
        } else if (Bearer.token(request).filter(operatorKey::matches).isEmpty()) {
            request.abortWith(Bearer.unauthorized("The operator API key is required: Authorization: Bearer <operator key>."));
        }
    }
}

package io.hookline.tenant.boundary;

import io.hookline.platform.Problem;
import io.hookline.tenant.control.Tenants;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

/** Every API call names its tenant through {@code Authorization: Bearer <key>}; no key, no answer. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    Tenants tenants;

    @Inject
    CurrentTenant currentTenant;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<String> tenant = header != null && header.startsWith(BEARER)
                ? tenants.tenantOfKey(header.substring(BEARER.length()).trim())
                : Optional.empty();
        if (tenant.isEmpty()) {
            request.abortWith(Response.fromResponse(
                            Problem.of(Response.Status.UNAUTHORIZED, "A valid API key is required: Authorization: Bearer <key>.").toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            return;
        }
        currentTenant.set(tenant.get());
    }
}

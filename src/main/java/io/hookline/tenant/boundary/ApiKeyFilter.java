package io.hookline.tenant.boundary;

import io.hookline.tenant.control.ApiKeys;
import io.hookline.tenant.control.Tenants;
import io.hookline.tenant.entity.ApiKey;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every tenant API call names its tenant through {@code Authorization: Bearer <key>}; no key, no answer (401).
 * A viewer key only reads (403 on anything but GET and HEAD). When the tenant's Developer Platform feature is off,
 * every call under /api/v1/ answers 403, except the account's own settings ({@code /v1/tenant}, {@code /v1/api-keys},
 * {@code /v1/users}: turning the feature back on, and managing keys and users, must stay possible) and the sample
 * CRM under {@code /v1/crm/}, which is the CRM itself rather than the Developer Platform. Operator resources
 * ({@link OperatorApi}) have their own filter.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<String> OUTSIDE_FEATURE = Set.of("tenant", "api-keys", "users", "crm");

    @Inject
    ApiKeys apiKeys;

    @Inject
    Tenants tenants;

    @Inject
    CurrentTenant currentTenant;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceClass().isAnnotationPresent(OperatorApi.class)) {
            return;
        }
        Optional<ApiKey> key = Bearer.token(request).flatMap(apiKeys::active);
        if (key.isEmpty()) {
            request.abortWith(Bearer.unauthorized("A valid API key is required: Authorization: Bearer <key>."));
            return;
        }
        String tenantId = key.get().tenantId();
        if (!key.get().role().mayChange() && !READS.contains(request.getMethod())) {
            request.abortWith(Bearer.forbidden("This API key is read-only (viewer role); use an admin key to make changes."));
            return;
        }
        if (isDeveloperPlatform(request.getUriInfo().getPathSegments()) && !tenants.developerPlatformEnabled(tenantId)) {
            request.abortWith(Bearer.forbidden("The Developer Platform feature is off for this account. An admin can turn it on"
                    + " in Settings → Features, or with PATCH /api/v1/tenant {\"developerPlatform\": true}."));
            return;
        }
        currentTenant.set(tenantId, key.get().role());
    }

    private static boolean isDeveloperPlatform(List<PathSegment> path) {
        return path.size() >= 2 && path.get(0).getPath().equals("v1") && !OUTSIDE_FEATURE.contains(path.get(1).getPath());
    }
}

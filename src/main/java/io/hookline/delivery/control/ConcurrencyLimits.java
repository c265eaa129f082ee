package io.hookline.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many attempts may run at once for one endpoint and for one tenant, on this instance. Workers are few (the
 * delivery listener's sessions); without these limits a slow or hanging receiver, or a tenant with many of them,
 * would hold every worker for a whole request timeout while healthy endpoints of other tenants wait.
 */
@ApplicationScoped
public class ConcurrencyLimits {

    @Inject
    @ConfigProperty(name = "hookline.delivery.max-concurrent-per-endpoint", defaultValue = "4")
    int perEndpoint;

    @Inject
    @ConfigProperty(name = "hookline.delivery.max-concurrent-per-tenant", defaultValue = "8")
    int perTenant;

    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    /** A permit for one attempt, or none when the endpoint or its tenant is at its limit. */
    public boolean tryAcquire(String tenantId, String endpointId) {
        if (!take("endpoint:" + endpointId, perEndpoint)) {
            return false;
        }
        if (!take("tenant:" + tenantId, perTenant)) {
            give("endpoint:" + endpointId);
            return false;
        }
        return true;
    }

    public void release(String tenantId, String endpointId) {
        give("tenant:" + tenantId);
        give("endpoint:" + endpointId);
    }

    private boolean take(String key, int limit) {
        boolean[] taken = {false};
        running.compute(key, (name, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limit) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    /** Idle keys disappear, so the map holds only what is running now. */
    private void give(String key) {
        running.computeIfPresent(key, (name, count) -> count <= 1 ? null : count - 1);
    }
}

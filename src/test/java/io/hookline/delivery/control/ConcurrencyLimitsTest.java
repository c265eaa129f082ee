package io.hookline.delivery.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrencyLimitsTest {

    private final ConcurrencyLimits limits = limits(2, 3);

    @Test
    void aBusyEndpointWaitsWhileOthersGoOn() {
        assertTrue(limits.tryAcquire("acme", "slow"));
        assertTrue(limits.tryAcquire("acme", "slow"));
        assertFalse(limits.tryAcquire("acme", "slow"), "endpoint at its limit");
        assertTrue(limits.tryAcquire("other", "healthy"), "another tenant's endpoint is not affected");
        limits.release("acme", "slow");
        assertTrue(limits.tryAcquire("acme", "slow"));
    }

    @Test
    void aTenantWithManySlowEndpointsIsCappedAsAWhole() {
        assertTrue(limits.tryAcquire("acme", "a"));
        assertTrue(limits.tryAcquire("acme", "b"));
        assertTrue(limits.tryAcquire("acme", "c"));
        assertFalse(limits.tryAcquire("acme", "d"), "tenant at its limit");
        assertTrue(limits.tryAcquire("other", "d"));
        limits.release("acme", "a");
        assertTrue(limits.tryAcquire("acme", "d"), "a refused attempt took no permit");
    }

    private static ConcurrencyLimits limits(int perEndpoint, int perTenant) {
        ConcurrencyLimits limits = new ConcurrencyLimits();
        limits.perEndpoint = perEndpoint;
        limits.perTenant = perTenant;
        return limits;
    }
}

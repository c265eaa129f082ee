package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;

/**
 * A delivery leased to whoever receives this: the lease token proves the right to claim it. Tenant and endpoint
 * ride along so a worker can apply the concurrency limits before touching the database; the delivery row stays the
 * truth for everything else.
 */
public record HandOver(String deliveryId, String leaseToken, String tenantId, String endpointId) {

    public static HandOver of(Delivery delivery, String leaseToken) {
        return new HandOver(delivery.id(), leaseToken, delivery.tenantId(), delivery.endpointId());
    }
}

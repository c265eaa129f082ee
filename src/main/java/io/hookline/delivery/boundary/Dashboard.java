package io.hookline.delivery.boundary;

import io.hookline.delivery.control.DeliveryStats;
import io.hookline.tenant.boundary.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The strip above the endpoint list: the same figures as GET /api/v1/stats. */
@Named
@RequestScoped
public class Dashboard {

    @Inject
    DeliveryStats stats;

    @Inject
    SignedIn signedIn;

    private DeliveryStats.Summary summary;

    public DeliveryStats.Summary summary() {
        if (summary == null) {
            summary = stats.lastDay(signedIn.tenantId());
        }
        return summary;
    }
}

package io.hookline.crm.deal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A deal as the API shows it. */
public record DealView(String id, String name, BigDecimal amount, String stage, String pipeline, String status,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static DealView of(Deal deal) {
        return new DealView(deal.id(), deal.name(), deal.amount(), deal.stage(), deal.pipeline(),
                deal.status().label(), deal.createdAt(), deal.updatedAt());
    }
}

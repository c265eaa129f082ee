package io.hookline.replay.control;

import io.hookline.delivery.entity.DeliveryStatus;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Which events a replay sends again. An event matches when it was committed in [since, until), is of one of
 * {@code eventTypes} (all when empty), and its latest delivery to the endpoint is final and has {@code status}
 * (any final status when null, "ALL"). With {@code includeMissed}, events the endpoint never got a delivery of match
 * too: committed after the endpoint was created, of a type it subscribes to now, fanned out while it was disabled or
 * not subscribed to that type.
 */
public record ReplayFilter(OffsetDateTime since, OffsetDateTime until, DeliveryStatus status, List<String> eventTypes,
                           boolean includeMissed) {

    public static final String ALL = "ALL";

    public String statusName() {
        return status == null ? ALL : status.name();
    }
}

package io.hookline.delivery.control;

import io.hookline.delivery.entity.DeliveryStatus;

import java.time.OffsetDateTime;

/**
 * What an admin filters the delivery history by; every part is optional. {@code search} matches the URL or the event
 * name, as Customermates' searchTerm does; {@code after} is the cursor: the last id of the previous page.
 */
public record DeliveryQuery(String endpointId, String eventType, DeliveryStatus status, OffsetDateTime since,
                            OffsetDateTime until, String search, String after, int limit) {

    public static DeliveryQuery ofEndpoint(String endpointId, int limit) {
        return new DeliveryQuery(endpointId, null, null, null, null, null, null, limit);
    }
}

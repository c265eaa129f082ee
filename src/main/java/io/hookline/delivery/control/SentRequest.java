package io.hookline.delivery.control;

import io.hookline.event.entity.OutboxEvent;

/** The event behind a delivery and the body its requests carry (the same for every attempt). */
public record SentRequest(OutboxEvent event, String body) {
}

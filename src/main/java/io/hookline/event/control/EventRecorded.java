package io.hookline.event.control;

/**
 * Fired in the CRM's transaction after its event is in the outbox waiting for fan-out (an event no endpoint subscribes
 * to is dispatched at once, and not announced); observe it after success to act on commit.
 */
public record EventRecorded(String eventId) {
}

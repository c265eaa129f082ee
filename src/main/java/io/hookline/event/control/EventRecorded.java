package io.hookline.event.control;

/** Fired in the CRM's transaction after its event is in the outbox; observe it after success to act on commit. */
public record EventRecorded(String eventId) {
}

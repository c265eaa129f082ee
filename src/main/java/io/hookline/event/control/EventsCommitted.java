package io.hookline.event.control;

import java.util.List;

/**
 * Fired once a CRM transaction has committed, with those of its events that wait for fan-out (an event no endpoint
 * subscribes to is dispatched as it is written, and not announced). Fired from the transaction's completion: an
 * observer should only hand the ids on, not work on the database.
 */
public record EventsCommitted(List<String> eventIds) {
}

package io.hookline.event.api;

import java.util.List;
import java.util.Objects;

/**
 * Many changes of one transaction fired at once, as an import makes them:
 * {@code batch.fire(new CrmEventBatch(events))}. Each event is stored and delivered as if fired alone; the outbox
 * writes them together, one database round trip rather than one per event. All or none: an unknown type among them
 * fails the fire.
 *
 * @param events the events, in the order they happened
 */
public record CrmEventBatch(List<CrmEvent> events) {

    public CrmEventBatch {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }
}

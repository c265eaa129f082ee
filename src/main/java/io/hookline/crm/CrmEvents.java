package io.hookline.crm;

import io.hookline.event.api.CrmEvent;
import io.hookline.event.api.CrmEventBatch;
import io.hookline.event.api.FieldChange;
import io.hookline.platform.ProblemException;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.List;

/**
 * The module's one door to Hookline: fires a {@link CrmEvent} about a record, or a {@link CrmEventBatch} about many.
 * Call it inside the transaction that changed the record, so the webhook exists exactly when the change does.
 */
@ApplicationScoped
public class CrmEvents {

    /** The request header naming the user behind a change; without it the change counts as a system change. */
    public static final String ACTOR_HEADER = "X-Actor-Id";

    @Inject
    Event<CrmEvent> events;

    @Inject
    Event<CrmEventBatch> batches;

    /** An event carrying the record as it is now. */
    public void fire(String type, CrmRecord record, String actorId) {
        fire(type, record, record.snapshot(), actorId, List.of());
    }

    /** An update event carrying the record as it is now and the fields that moved. */
    public void fire(String type, CrmRecord record, String actorId, List<FieldChange> changes) {
        fire(type, record, record.snapshot(), actorId, changes);
    }

    /** For events whose data says more than the record itself, such as the stage a deal left. */
    public void fire(String type, CrmRecord record, JsonObject data, String actorId, List<FieldChange> changes) {
        events.fire(event(type, record, data, actorId, changes));
    }

    /** One event per record, each carrying it as it is now, written together (an import's). */
    public void fireAll(String type, List<? extends CrmRecord> records, String actorId) {
        batches.fire(new CrmEventBatch(records.stream()
                .map(record -> event(type, record, record.snapshot(), actorId, List.of())).toList()));
    }

    private static CrmEvent event(String type, CrmRecord record, JsonObject data, String actorId, List<FieldChange> changes) {
        return CrmEvent.of(type, record.tenantId())
                .entity(record.entityType(), record.id())
                .actor(actor(actorId))
                .occurredAt(Time.now())
                .data(data)
                .changes(changes)
                .build();
    }

    /** The header as the event's actor: blank is a system change, too long a bad request (the change rolls back). */
    private static String actor(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String actorId = header.trim();
        if (actorId.length() > CrmEvent.MAX_ACTOR_LENGTH) {
            throw ProblemException.badRequest(ACTOR_HEADER + ": at most " + CrmEvent.MAX_ACTOR_LENGTH + " characters.");
        }
        return actorId;
    }
}

package io.hookline.event.control;

import io.hookline.endpoint.entity.EndpointStatus;
import io.hookline.event.entity.EventRef;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.event.entity.OutboxStatus;
import io.hookline.platform.JdbcBatch;
import io.hookline.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes, marks dispatched and queries the outbox table; callers bring the transaction. */
@ApplicationScoped
public class Outbox {

    /*
     * Writes a recorded event as DISPATCHED at once unless an endpoint of its tenant is active and subscribed to its
     * type at its commit time (the test of Endpoint.SUBSCRIBED and Endpoint.wasActiveAt); the update count says which.
     * Most CRM changes concern no endpoint: they cost the CRM transaction this one insert, and nothing after it. The
     * others are then written PENDING by a plain insert. One statement that wrote either status and returned the one
     * it chose cost a single subscribed event as much, an unsubscribed one 0.07 ms more, and an import's ten events
     * twice as much: PostgreSQL and the driver spend more on returned rows than on a second plain insert
     * (bench/experiments/OutboxStatements.java). SQL, since JPA has no insert that tests a condition.
     */
    private static final String INSERT_UNLESS_SUBSCRIBED = "insert into outbox_event (" + OutboxEvent.COLUMNS
            + ", status, dispatched_at) select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
            + " where not exists (select 1 from endpoint e where e.tenant_id = ? and e.status = ?"
            + " and e.active_since <= ? and (e.all_events or exists (select 1 from endpoint_event_type t"
            + " where t.endpoint_id = e.id and t.event_type = ?)))";
    private static final String INSERT_PENDING = JdbcBatch.insert("outbox_event", OutboxEvent.COLUMNS + ", status");

    /** The returned columns come back as generated keys: PostgreSQL's RETURNING, H2's own equivalent. */
    private static final String DISPATCH = "update outbox_event set status = ?, dispatched_at = ?"
            + " where id = any(?) and status = ?";

    @PersistenceContext
    EntityManager em;

    /**
     * Writes the events in the caller's transaction: one round trip (a JDBC batch) when no endpoint subscribes to
     * them, which are dispatched at once; a second for those that wait for fan-out.
     *
     * @return those that wait for fan-out
     */
    public List<OutboxEvent> record(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Connection connection = JdbcBatch.connection(em);
        try {
            List<OutboxEvent> pending = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT_UNLESS_SUBSCRIBED)) {
                int[] inserted = JdbcBatch.execute(insert, events.stream().map(Outbox::unlessSubscribed).toList());
                for (int i = 0; i < inserted.length; i++) {
                    if (inserted[i] == 0) {
                        pending.add(events.get(i));
                    } else if (inserted[i] != 1) { // no count, no way to tell: never guess an event away
                        throw new IllegalStateException("The database did not count event " + events.get(i).id());
                    }
                }
            }
            if (!pending.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT_PENDING)) {
                    JdbcBatch.execute(insert, pending.stream().map(Outbox::pending).toList());
                }
            }
            return pending;
        } catch (SQLException failure) {
            throw new IllegalStateException("Cannot record " + events.size() + " event(s), the first "
                    + events.get(0).id(), failure);
        }
    }

    /** The conditional insert's parameters for the event: its columns as dispatched, then the subscriber test's. */
    private static List<Object> unlessSubscribed(OutboxEvent event) {
        List<Object> values = new ArrayList<>(event.columnValues());
        values.addAll(List.of(OutboxStatus.DISPATCHED.name(), event.createdAt(),
                event.tenantId(), EndpointStatus.ACTIVE.name(), event.createdAt(), event.type()));
        return values;
    }

    private static List<Object> pending(OutboxEvent event) {
        List<Object> values = new ArrayList<>(event.columnValues());
        values.add(OutboxStatus.PENDING.name());
        return values;
    }

    /**
     * Marks those of the events that still wait for fan-out as dispatched, in this transaction, and returns them: two
     * instances never both get one. One statement: fan-out needs no payload and no entity, only the columns it returns.
     * Two batches that overlap (the recovery timer's and the fast path's) lock their rows in the order of the same
     * plan; should they deadlock all the same, the database aborts one, whose events are then tried one at a time.
     */
    public List<EventRef> dispatch(Collection<String> eventIds, OffsetDateTime now) {
        Connection connection = JdbcBatch.connection(em);
        try (PreparedStatement update = connection.prepareStatement(DISPATCH,
                new String[] {"id", "tenant_id", "type", "created_at"})) {
            update.setString(1, OutboxStatus.DISPATCHED.name());
            update.setObject(2, now);
            update.setArray(3, connection.createArrayOf("varchar", eventIds.toArray()));
            update.setString(4, OutboxStatus.PENDING.name());
            update.executeUpdate();
            List<EventRef> dispatched = new ArrayList<>();
            try (ResultSet rows = update.getGeneratedKeys()) {
                while (rows.next()) {
                    // not getObject(4, OffsetDateTime.class): the pool's wrapper looks that method up by reflection
                    // on every call (1.3% of the server's CPU in the bench's profile); only the instant matters here
                    dispatched.add(new EventRef(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant().atOffset(ZoneOffset.UTC)));
                }
            }
            return dispatched;
        } catch (SQLException failure) {
            throw new IllegalStateException("Cannot dispatch " + eventIds.size() + " event(s)", failure);
        }
    }

    public Optional<OutboxEvent> find(String eventId) {
        return Optional.ofNullable(em.find(OutboxEvent.class, eventId));
    }

    /**
     * What deliveries need of those of the events that are still stored (retention may have removed some), without
     * their payloads; by id.
     */
    public Map<String, EventRef> refs(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(OutboxEvent.REFS, EventRef.class).setParameter("ids", eventIds)
                .getResultStream().collect(Collectors.toMap(EventRef::id, Function.identity()));
    }

    /** One event's ref; empty once retention has removed the event. */
    public Optional<EventRef> ref(String eventId) {
        return Optional.ofNullable(refs(List.of(eventId)).get(eventId));
    }

    /** A tenant's event; another tenant's is not found. */
    public OutboxEvent find(String tenantId, String eventId) {
        return find(eventId).filter(event -> event.tenantId().equals(tenantId))
                .orElseThrow(() -> ProblemException.notFound("Event " + eventId));
    }

    /** Pending events older than the fast path needs: their relay message was lost or never sent. */
    public List<String> stranded(OffsetDateTime before, int limit) {
        return em.createNamedQuery(OutboxEvent.STRANDED, String.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }
}

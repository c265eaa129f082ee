package io.hookline.replay.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * The mark that a replay has resent an event, written in the same transaction as the new delivery. Its key is
 * (replay, event), so however a replay is stopped, crashed or restarted, an event goes out at most once per replay.
 */
@Entity
@Table(name = "replay_item")
@IdClass(ReplayItem.Key.class)
@NamedQuery(name = ReplayItem.RESENT, query = "select i.eventId from ReplayItem i where i.replayId = :replay"
        + " and i.eventId in :events")
public class ReplayItem {

    public static final String RESENT = "ReplayItem.resent";

    @Id
    @Column(name = "replay_id", length = 36)
    private String replayId;

    @Id
    @Column(name = "event_id", length = 36)
    private String eventId;

    @Column(name = "delivery_id", nullable = false, length = 36)
    private String deliveryId;

    protected ReplayItem() {
    }

    public ReplayItem(String replayId, String eventId, String deliveryId) {
        this.replayId = replayId;
        this.eventId = eventId;
        this.deliveryId = deliveryId;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private String replayId;
        private String eventId;

        public Key() {
        }

        public Key(String replayId, String eventId) {
            this.replayId = replayId;
            this.eventId = eventId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.replayId.equals(replayId) && key.eventId.equals(eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(replayId, eventId);
        }
    }
}

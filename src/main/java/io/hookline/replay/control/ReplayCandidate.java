package io.hookline.replay.control;

import java.time.OffsetDateTime;

/** An event the replay reader found, with the position it marks in the reader's (created_at, id) order. */
public record ReplayCandidate(String eventId, OffsetDateTime createdAt) {
}

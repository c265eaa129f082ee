package io.hookline.retention.control;

import java.time.OffsetDateTime;

/** A row retention removes, with the age it was found by: the reader continues from there. */
public record RetentionCandidate(String id, OffsetDateTime at) {
}

package io.hookline.event.entity;

import java.time.OffsetDateTime;

/**
 * What a delivery needs of its event: which one, whose, of what type, and when it was committed (an endpoint receives
 * what was committed while it was active). The payload stays in the outbox row until a worker signs it.
 */
public record EventRef(String id, String tenantId, String type, OffsetDateTime createdAt) {
}

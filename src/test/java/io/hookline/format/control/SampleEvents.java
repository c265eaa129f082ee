package io.hookline.format.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Fixed events (ids, times, data) for the format tests, shaped as the sample CRM fires them. */
final class SampleEvents {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 3, 14, 30, 5, 0, ZoneOffset.UTC);
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String OLD_SECRET = "whsec_QWxsIHRoZSBvbGQgc2VjcmV0IGJ5dGVzIGhlcmU=";
    static final String DELIVERY_ID = "019cb3f0-1111-7aaa-8bbb-000000000001";
    /** Written at +02:00 on purpose: every format must send UTC. */
    private static final OffsetDateTime OCCURRED = OffsetDateTime.of(2026, 3, 3, 16, 30, 0, 123_456_000, ZoneOffset.ofHours(2));

    private SampleEvents() {
    }

    static final JsonObject JOB_BEFORE = job("J Smith", null);
    static final JsonObject JOB_AFTER = job("John Smith", "555-1234");

    static final WireEvent JOB_CREATED = event("019cb3f0-0000-7aaa-8bbb-000000000001", "job.created", "job", JOB_BEFORE, null);
    static final WireEvent JOB_UPDATED = event("019cb3f0-0000-7aaa-8bbb-000000000002", "job.updated", "job", JOB_AFTER,
            Json.createObjectBuilder().add("customer", Json.createObjectBuilder()
                    .add("previous", JOB_BEFORE.get("customer")).add("current", JOB_AFTER.get("customer"))).build());
    static final WireEvent JOB_DELETED = event("019cb3f0-0000-7aaa-8bbb-000000000003", "job.deleted", "job", JOB_AFTER, null);
    /** As a module other than the sample CRM might fire it: the stage left behind only in the changes. */
    static final WireEvent DEAL_STAGE_CHANGED = event("019cb3f0-0000-7aaa-8bbb-000000000004", "deal.stage_changed", "deal",
            Json.createObjectBuilder().add("id", "d-42").add("name", "Acme Enterprise License").add("amount", 25000)
                    .add("stage", "Negotiation").add("pipeline", "Sales Pipeline").build(),
            Json.createObjectBuilder().add("stage", Json.createObjectBuilder()
                    .add("previous", "Proposal").add("current", "Negotiation")).build());

    static final List<WireEvent> GOLDEN = List.of(JOB_CREATED, JOB_UPDATED, JOB_DELETED, DEAL_STAGE_CHANGED);

    private static WireEvent event(String id, String type, String entity, JsonObject data, JsonObject changes) {
        return new WireEvent(id, type, "acme", entity, data.getString("id"), "user-7", OCCURRED, data, changes);
    }

    private static JsonObject job(String customerName, String phone) {
        return Json.createObjectBuilder()
                .add("id", "job-1")
                .add("name", "Smith Residence - Fire Damage")
                .add("status", "inventory")
                .add("customer", Json.createObjectBuilder().add("name", customerName).add("email", "john@example.com")
                        .add("phone", phone == null ? Json.createValue("") : Json.createValue(phone)))
                .add("insurance", Json.createObjectBuilder().add("claimNumber", "CLM-2026-001").add("company", "State Farm"))
                .add("ownerUserId", "user-7")
                .add("createdAt", "2026-03-01T10:00:00Z")
                .add("updatedAt", "2026-03-03T14:30:00.123456Z")
                .build();
    }
}

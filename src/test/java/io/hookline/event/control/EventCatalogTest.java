package io.hookline.event.control;

import io.hookline.event.api.UnknownEventTypeException;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCatalogTest {

    private final EventCatalog catalog = new EventCatalog();

    @Test
    void listsEverySeedsEventTypes() {
        for (String type : List.of("customer.created", "customer.updated", "job.created", "job.completed", // seed 000
                "contact.deleted", "organization.updated", "service.created", "task.deleted", // seeds 001, 004
                "company.created", "deal.stage_changed", "deal.won", "deal.lost", "task.completed", "activity.created", // 002
                "job.updated", "job.deleted")) { // seed 003
            assertTrue(catalog.contains(type), type);
        }
        assertThrows(UnknownEventTypeException.class, () -> catalog.require("invoice.paid"));
    }

    @Test
    void everyTypeDescribesItsDataWithAJsonSchema() {
        for (EventCatalog.EventType type : catalog.all()) {
            JsonObject schema = type.dataSchema();
            assertEquals("object", schema.getString("type"), type.name());
            assertTrue(schema.getJsonArray("required").getValuesAs(Object::toString).stream().anyMatch(f -> f.contains("id")
                    || f.contains("message")), type.name());
        }
        assertTrue(catalog.require("job.updated").dataSchema().getJsonObject("properties").containsKey("insurance"));
        assertTrue(catalog.require("deal.stage_changed").dataSchema().getJsonObject("properties").containsKey("previous_stage"));
        assertEquals(List.of("id"), catalog.require("contact.created").dataSchema().getJsonArray("required")
                .getValuesAs(v -> v.toString().replace("\"", "")));
    }
}

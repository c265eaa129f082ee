package io.hookline.event.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldChangeTest {

    private final JsonObject before = Json.createObjectBuilder().add("name", "Ada").add("phone", "1").add("gone", true).build();
    private final JsonObject after = Json.createObjectBuilder().add("name", "Ada").add("phone", "2").add("email", "a@x").build();

    @Test
    void listsOnlyFieldsThatMovedIncludingAddedAndRemovedOnes() {
        List<FieldChange> changes = FieldChange.between(before, after);

        assertEquals(List.of("phone", "gone", "email"), changes.stream().map(FieldChange::field).toList());
        assertEquals(Json.createValue("1"), changes.get(0).previous());
        assertEquals(JsonValue.NULL, changes.get(1).current());
        assertEquals(JsonValue.NULL, changes.get(2).previous());
    }

    @Test
    void watchedFieldsIgnoreEverythingElse() {
        assertTrue(FieldChange.between(before, after, List.of("name")).isEmpty());
        assertEquals(1, FieldChange.between(before, after, List.of("name", "phone")).size());
    }
}

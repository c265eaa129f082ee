package io.hookline.event.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One field that moved in an update, with its value before and after. Absent values are JSON null. */
public record FieldChange(String field, JsonValue previous, JsonValue current) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
        previous = previous == null ? JsonValue.NULL : previous;
        current = current == null ? JsonValue.NULL : current;
    }

    /** The fields whose values differ between two snapshots of a record, in the order they appear. */
    public static List<FieldChange> between(JsonObject before, JsonObject after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        return between(before, after, fields);
    }

    /** As {@link #between(JsonObject, JsonObject)}, looking only at the given fields. */
    public static List<FieldChange> between(JsonObject before, JsonObject after, Collection<String> fields) {
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonValue previous = before.getOrDefault(field, JsonValue.NULL);
            JsonValue current = after.getOrDefault(field, JsonValue.NULL);
            if (!previous.equals(current)) {
                changes.add(new FieldChange(field, previous, current));
            }
        }
        return changes;
    }
}

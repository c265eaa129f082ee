package io.hookline.event.control;

import io.hookline.event.api.UnknownEventTypeException;
import io.hookline.platform.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every event type Hookline can deliver, with the description admins see when subscribing. The list is the union of
 * the seed products' catalogs, so receivers written for any of them find their event names here.
 */
@ApplicationScoped
public class EventCatalog {

    /**
     * A deliverable event type; {@code entity} groups types for display, {@code dataSchema} is the JSON Schema of the
     * event's {@code data}: exact for the records Hookline's sample CRM fires, and for the others what every record
     * has (an id), since their modules own their shape.
     */
    public record EventType(String name, String entity, String description, JsonObject dataSchema) {
    }

    public static final String TEST_EVENT = "webhook.test";

    private final Map<String, EventType> types = new LinkedHashMap<>();
    private final Map<String, JsonObject> schemas = new HashMap<>();

    public EventCatalog() {
        lifecycle("customer", "A new customer was added.", "A customer's details changed.", "A customer was deleted.");
        register("job.created", "A new job was created.");
        register("job.updated", "A job's name, customer or insurance details changed.");
        register("job.completed", "A job was marked completed.");
        register("job.deleted", "A job was deleted.");
        lifecycle("contact", "A new contact was created.", "A contact was modified.", "A contact was deleted.");
        lifecycle("organization", "A new organization was created.", "An organization was modified.", "An organization was deleted.");
        lifecycle("company", "A new company was created.", "A company was modified.", "A company was deleted.");
        lifecycle("deal", "A new deal was created.", "A deal was modified.", "A deal was deleted.");
        register("deal.stage_changed", "A deal moved to a different stage.");
        register("deal.won", "A deal was marked as won.");
        register("deal.lost", "A deal was marked as lost.");
        lifecycle("service", "A new service was created.", "A service was modified.", "A service was deleted.");
        lifecycle("task", "A new task was created.", "A task was modified.", "A task was deleted.");
        register("task.completed", "A task was marked as completed.");
        register("activity.created", "A new activity was logged.");
        register(TEST_EVENT, "A test event, sent only by an admin's Send test.");
    }

    private void lifecycle(String entity, String created, String updated, String deleted) {
        register(entity + ".created", created);
        register(entity + ".updated", updated);
        register(entity + ".deleted", deleted);
    }

    private void register(String name, String description) {
        String entity = name.substring(0, name.indexOf('.'));
        types.put(name, new EventType(name, entity, description, schemas.computeIfAbsent(entity, EventCatalog::schemaOf)));
    }

    private static JsonObject schemaOf(String entity) {
        InputStream specific = EventCatalog.class.getResourceAsStream("/event-schemas/" + entity + ".json");
        try (InputStream in = specific != null ? specific : EventCatalog.class.getResourceAsStream("/event-schemas/record.json");
             JsonReader reader = JsonText.JSON.createReader(in)) {
            return reader.readObject();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("event schema of " + entity + " is unreadable", unreadable);
        }
    }

    public Collection<EventType> all() {
        return Collections.unmodifiableCollection(types.values());
    }

    public boolean contains(String name) {
        return types.containsKey(name);
    }

    /** Fails loudly where a module fires a type nobody can subscribe to. */
    public EventType require(String name) {
        EventType type = types.get(name);
        if (type == null) {
            throw new UnknownEventTypeException(name);
        }
        return type;
    }
}

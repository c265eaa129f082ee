package io.hookline.platform;

import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;

/** JSON values stored as text columns: written once, parsed back with their key order intact. */
public final class JsonText {

    /**
     * The JSON-P provider, found once: {@code jakarta.json.Json}'s factory methods look it up through the
     * ServiceLoader on every call, which the benchmark's thread dumps caught scanning jar files per request.
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonText() {
    }

    public static String write(JsonValue value) {
        return value.toString();
    }

    public static JsonStructure read(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.read();
        }
    }
}

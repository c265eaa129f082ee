package io.hookline.platform;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.StringReader;

/** JSON values stored as text columns: written once, parsed back with their key order intact. */
public final class JsonText {

    private JsonText() {
    }

    public static String write(JsonValue value) {
        return value.toString();
    }

    public static JsonStructure read(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }
}

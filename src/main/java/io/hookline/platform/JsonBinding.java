package io.hookline.platform;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Type;

/**
 * JSON-B as the API uses it: strict. A field the resource does not know is an error (a typo such as "evnets" must not
 * be silently ignored), and so is a value of the wrong JSON type: {@code "enabled": "yes"} would otherwise read as
 * false and {@code "name": 42} as "42".
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withDeserializers(new StrictBoolean(), new StrictString()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    private static JsonValue expect(JsonParser parser, String expected, JsonValue.ValueType... types) {
        JsonValue value = parser.getValue();
        for (JsonValue.ValueType type : types) {
            if (value.getValueType() == type) {
                return value;
            }
        }
        throw new JsonbException("expected " + expected + " but found " + value.getValueType().name().toLowerCase());
    }

    static final class StrictBoolean implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return expect(parser, "true or false", JsonValue.ValueType.TRUE, JsonValue.ValueType.FALSE) == JsonValue.TRUE;
        }
    }

    static final class StrictString implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return ((jakarta.json.JsonString) expect(parser, "a string", JsonValue.ValueType.STRING)).getString();
        }
    }
}

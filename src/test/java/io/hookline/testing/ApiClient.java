package io.hookline.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A plain HTTP client for black-box tests of the running server: JSON in, status and JSON out. */
public final class ApiClient {

    /** A response; {@code json} is null when the body was empty. */
    public record Reply(int status, String contentType, String location, JsonStructure json) {
        public JsonObject object() {
            return json.asJsonObject();
        }

        public JsonArray array() {
            return json.asJsonArray();
        }

        /** The items of a paged listing. */
        public JsonArray data() {
            if (status != 200) {
                throw new AssertionError("expected a page, got " + status + ": " + json);
            }
            return object().getJsonArray("data");
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String apiKey;

    public ApiClient(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    public ApiClient withKey(String otherKey) {
        return new ApiClient(base, otherKey);
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply send(String method, String path, String json) {
        return send(method, path, json, Map.of());
    }

    /** With extra request headers, such as the CRM's {@code X-Actor-Id}. */
    public Reply send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonStructure parsed = body == null || body.isBlank() ? null : parse(method + " " + path, response.statusCode(), body);
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), parsed);
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(method + " " + path + " failed", failure);
        }
    }

    private static JsonStructure parse(String call, int status, String body) {
        try {
            return Json.createReader(new StringReader(body)).read();
        } catch (jakarta.json.JsonException notJson) {
            throw new AssertionError(call + " answered " + status + " with a body that is not JSON: " + body, notJson);
        }
    }
}

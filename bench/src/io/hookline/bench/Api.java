package io.hookline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few calls of Hookline's public API the benchmark needs: open a tenant, manage endpoints, write CRM records. */
final class Api {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern API_KEY = Pattern.compile("\"apiKey\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String operatorKey;
    private final AtomicLong sequence = new AtomicLong();

    Api(String base, String operatorKey) {
        this.base = base;
        this.operatorKey = operatorKey;
    }

    /** Opens a tenant for one scenario, so scenarios never fan out to each other's endpoints; returns its admin key. */
    String openTenant(String id) {
        String reply = call(operatorKey, "POST", "/api/v1/tenants", "{\"id\":\"" + id + "\",\"name\":\"bench " + id + "\"}", 201);
        return first(API_KEY, reply);
    }

    String createEndpoint(String key, String name, String url, String secret) {
        String body = "{\"name\":\"" + name + "\",\"url\":\"" + url + "\",\"events\":[\"*\"],\"secret\":\"" + secret + "\"}";
        return first(ID, call(key, "POST", "/api/v1/endpoints", body, 201));
    }

    /** Replaces the endpoint's subscription with one event type (or {@code *}). */
    void subscribe(String key, String endpointId, String type) {
        call(key, "PATCH", "/api/v1/endpoints/" + endpointId, "{\"events\":[\"" + type + "\"]}", 200);
    }

    void enable(String key, String endpointId) {
        call(key, "POST", "/api/v1/endpoints/" + endpointId + "/enable", "", 200);
    }

    void disable(String key, String endpointId) {
        call(key, "POST", "/api/v1/endpoints/" + endpointId + "/disable", "", 200);
    }

    /** One CRM write: a new customer, which commits one {@code customer.created} event; returns the customer's id. */
    String createCustomer(String key) {
        long n = sequence.incrementAndGet();
        return first(ID, call(key, "POST", "/api/v1/crm/customers",
                "{\"name\":\"Customer " + n + "\",\"email\":\"c" + n + "@example.com\",\"phone\":\"555-" + n + "\"}", 201));
    }

    /** One CRM import: {@code count} new customers in one transaction, one {@code customer.created} event each. */
    void importCustomers(String key, int count) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            long n = sequence.incrementAndGet();
            body.append(i == 0 ? "" : ",").append("{\"name\":\"Customer ").append(n).append("\",\"email\":\"c").append(n)
                    .append("@example.com\",\"phone\":\"555-").append(n).append("\"}");
        }
        call(key, "POST", "/api/v1/crm/customers/import", body.append(']').toString(), 200);
    }

    private String call(String key, String method, String path, String body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException failure) {
            throw new IllegalStateException(method + " " + path + " failed", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    private static String first(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + json);
        }
        return matcher.group(1);
    }
}

package io.hookline.endpoint.boundary;

import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.endpoint.entity.EndpointStatus;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An endpoint as the API shows it. {@code secret} is present only in the answer that created the endpoint, rotated
 * its secret or switched signing on.
 */
public record EndpointView(String id, String name, String url, String description, List<String> events,
                           String format, boolean signed, EndpointStatus status, String disabledReason, OffsetDateTime disabledAt,
                           int consecutiveFailures, OffsetDateTime lastSuccessAt, OffsetDateTime lastFailureAt,
                           OffsetDateTime createdAt, String secret) {

    static EndpointView of(Endpoint endpoint) {
        return view(endpoint, null);
    }

    /** With the secret, unless the endpoint does not sign (it has none to give then). */
    static EndpointView withSecret(Endpoint endpoint) {
        return view(endpoint, endpoint.isSigned() ? endpoint.secret() : null);
    }

    private static EndpointView view(Endpoint endpoint, String secret) {
        List<String> events = endpoint.receivesAllEvents() ? List.of(Endpoints.ALL_EVENTS) : List.copyOf(endpoint.eventTypes());
        return new EndpointView(endpoint.id(), endpoint.name(), endpoint.url(), endpoint.description(), events,
                endpoint.format().id(), endpoint.isSigned(), endpoint.status(), endpoint.disabledReason(), endpoint.disabledAt(), endpoint.consecutiveFailures(),
                endpoint.lastSuccessAt(), endpoint.lastFailureAt(), endpoint.createdAt(), secret);
    }
}

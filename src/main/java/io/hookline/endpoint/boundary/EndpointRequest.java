package io.hookline.endpoint.boundary;

import io.hookline.endpoint.control.Endpoints;

import java.util.List;

/** The body of {@code POST /api/v1/endpoints}. */
public record EndpointRequest(
        String name,
        String url,
        String description,
        List<String> events,
        String secret,
        Boolean enabled) {

    Endpoints.Draft toDraft() {
        return new Endpoints.Draft(name, url, description, events, secret, enabled);
    }
}

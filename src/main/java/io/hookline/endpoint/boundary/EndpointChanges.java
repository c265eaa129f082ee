package io.hookline.endpoint.boundary;

import io.hookline.endpoint.control.Endpoints;

import java.util.List;

/** The body of {@code PATCH /api/v1/endpoints/{id}}: only the fields given change. */
public record EndpointChanges(
        String name,
        String url,
        String description,
        List<String> events) {

    Endpoints.Changes toChanges() {
        return new Endpoints.Changes(name, url, description, events);
    }
}

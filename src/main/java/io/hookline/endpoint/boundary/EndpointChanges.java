package io.hookline.endpoint.boundary;

import io.hookline.endpoint.control.Endpoints;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of {@code PATCH /api/v1/endpoints/{id}}: only the fields given change. */
public record EndpointChanges(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 2048) String url,
        @Size(max = 1000) String description,
        @Size(min = 1, message = "choose at least one event type, or [\"*\"] for all") List<String> events) {

    Endpoints.Changes toChanges() {
        return new Endpoints.Changes(name, url, description, events);
    }
}

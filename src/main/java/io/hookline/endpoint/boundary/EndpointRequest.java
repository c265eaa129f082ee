package io.hookline.endpoint.boundary;

import io.hookline.endpoint.control.Endpoints;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of {@code POST /api/v1/endpoints}. */
public record EndpointRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 2048) String url,
        @Size(max = 1000) String description,
        @NotEmpty(message = "choose at least one event type, or [\"*\"] for all") List<String> events,
        @Size(max = 256) String secret,
        Boolean enabled) {

    Endpoints.Draft toDraft() {
        return new Endpoints.Draft(name, url, description, events, secret, enabled);
    }
}

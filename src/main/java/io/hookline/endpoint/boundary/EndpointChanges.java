package io.hookline.endpoint.boundary;

import io.hookline.endpoint.control.Endpoints;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code PATCH /api/v1/endpoints/{id}}: only the fields given change. */
public record EndpointChanges(
        String name,
        String url,
        String description,
        List<String> events,
        // the WireFormat ids (an annotation takes constants only); WireFormatsIT keeps the two equal
        @Schema(description = "the wire format the receiver understands",
                enumeration = {"toolbag", "customermates", "tonic-desk", "job-sync", "standard-webhooks"})
        String format,
        @Schema(description = "true on an unsigned endpoint issues a secret, shown in this answer only")
        Boolean signed) {

    Endpoints.Changes toChanges() {
        return new Endpoints.Changes(name, url, description, events, format, signed);
    }
}

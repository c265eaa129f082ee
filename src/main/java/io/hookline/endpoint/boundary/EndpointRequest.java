package io.hookline.endpoint.boundary;

import io.hookline.endpoint.control.Endpoints;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code POST /api/v1/endpoints}. */
public record EndpointRequest(
        String name,
        String url,
        String description,
        List<String> events,
        String secret,
        Boolean enabled,
        // the WireFormat ids (an annotation takes constants only); WireFormatsIT keeps the two equal
        @Schema(description = "the wire format the receiver understands", defaultValue = "toolbag",
                enumeration = {"toolbag", "customermates", "tonic-desk", "job-sync", "standard-webhooks"})
        String format,
        @Schema(description = "false: no signature header (customermates, tonic-desk and job-sync only)", defaultValue = "true")
        Boolean signed) {

    Endpoints.Draft toDraft() {
        return new Endpoints.Draft(name, url, description, events, secret, enabled, format, signed);
    }
}

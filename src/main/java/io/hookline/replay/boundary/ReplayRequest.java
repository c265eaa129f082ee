package io.hookline.replay.boundary;

import java.util.List;

/**
 * The body of {@code POST /api/v1/endpoints/{id}/replays}; every field is optional. Times are ISO-8601 strings,
 * checked by hand so a malformed one gets a message naming it.
 */
public record ReplayRequest(String since, String until, String status, List<String> eventTypes, Boolean dryRun,
                            Boolean includeMissed) {

    boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    boolean includesMissed() {
        return Boolean.TRUE.equals(includeMissed);
    }
}

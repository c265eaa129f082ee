package io.hookline.replay.boundary;

import io.hookline.replay.control.ReplayFilter;
import io.hookline.replay.entity.Replay;
import io.hookline.replay.entity.ReplayStatus;

import java.time.OffsetDateTime;
import java.util.List;

/** A replay as the API shows it: its filter, and progress (events matched at the start, read, resent, skipped). */
public record ReplayView(String id, String endpointId, ReplayStatus status, FilterView filter, long total, long read,
                         long resent, long skipped, String error, OffsetDateTime createdAt, OffsetDateTime finishedAt) {

    /** The filter as given (until capped at the time it was asked). */
    public record FilterView(OffsetDateTime since, OffsetDateTime until, String status, List<String> eventTypes,
                             boolean includeMissed) {

        static FilterView of(ReplayFilter filter) {
            return new FilterView(filter.since(), filter.until(), filter.statusName(), filter.eventTypes(), filter.includeMissed());
        }
    }

    /** The answer to a dry run: how many events the replay would send, and nothing started. */
    public record DryRun(boolean dryRun, long count, FilterView filter) {
    }

    static ReplayView of(Replay replay) {
        return new ReplayView(replay.id(), replay.endpointId(), replay.status(),
                new FilterView(replay.since(), replay.until(), replay.statusFilter(), replay.eventTypes(), replay.includeMissed()),
                replay.total(), replay.read(), replay.resent(), replay.skipped(), replay.error(), replay.createdAt(),
                replay.finishedAt());
    }
}

package io.hookline.retention.boundary;

import io.hookline.retention.entity.RetentionRun;

import java.time.OffsetDateTime;

/** A retention run as the operator API shows it. */
public record RetentionRunView(String id, String status, OffsetDateTime bodiesBefore, OffsetDateTime deleteBefore,
                               long attemptBodiesCleared, long attemptsDeleted, long deliveriesDeleted,
                               long eventsDeleted, long replaysDeleted, String error, OffsetDateTime startedAt,
                               OffsetDateTime finishedAt) {

    static RetentionRunView of(RetentionRun run) {
        return new RetentionRunView(run.id(), run.status(), run.bodiesBefore(), run.deleteBefore(),
                run.attemptBodiesCleared(), run.attemptsDeleted(), run.deliveriesDeleted(), run.eventsDeleted(),
                run.replaysDeleted(), run.error(), run.startedAt(), run.finishedAt());
    }
}

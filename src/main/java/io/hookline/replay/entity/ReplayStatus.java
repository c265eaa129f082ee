package io.hookline.replay.entity;

/**
 * RUNNING while a job execution works on it (or is about to: a crashed one is resumed when its lease expires);
 * STOPPING once an admin asked it to stop, until its execution has noticed; STOPPED, COMPLETED and FAILED are at rest.
 * STOPPED and FAILED replays can be restarted and continue after their checkpoint.
 */
public enum ReplayStatus {
    RUNNING,
    STOPPING,
    STOPPED,
    COMPLETED,
    FAILED;

    public boolean isActive() {
        return this == RUNNING || this == STOPPING;
    }
}

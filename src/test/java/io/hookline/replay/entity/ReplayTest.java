package io.hookline.replay.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 3, 14, 30, 0, 0, ZoneOffset.UTC);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final Replay replay = new Replay("demo", "endpoint", null, NOW, "FAILED", List.of("a.created", "b.created"),
            false, 5, NOW, LEASE);

    @Test
    void startsRunningAndLeasedToItsFirstExecution() {
        assertEquals(ReplayStatus.RUNNING, replay.status());
        assertTrue(replay.mayContinue(replay.owner()));
        assertFalse(replay.mayContinue("someone else"));
        assertEquals(List.of("a.created", "b.created"), replay.eventTypes());
    }

    @Test
    void chunksAddUpAndMoveTheCheckpointAndTheThrottle() {
        replay.chunkWritten(3, 2, NOW, "e3", NOW.plusSeconds(1));
        replay.chunkWritten(2, 2, NOW, "e5", NOW.plusSeconds(2));

        assertEquals(5, replay.read());
        assertEquals(4, replay.resent());
        assertEquals(1, replay.skipped());
        assertEquals("e5", replay.lastEventId());
        assertEquals(NOW.plusSeconds(2), replay.nextSlot(NOW), "the schedule runs ahead");
        assertEquals(NOW.plusSeconds(9), replay.nextSlot(NOW.plusSeconds(9)), "never in the past");
    }

    @Test
    void stopIsAskedThenRecordedAndARestartGetsANewOwner() {
        String first = replay.owner();
        assertTrue(replay.requestStop());
        assertFalse(replay.mayContinue(first), "the reader ends at its next page");
        assertFalse(replay.requestStop());
        replay.finish(null, NOW);
        assertEquals(ReplayStatus.STOPPED, replay.status());
        assertNull(replay.owner());

        assertTrue(replay.restart(NOW, LEASE));
        assertEquals(ReplayStatus.RUNNING, replay.status());
        assertNotEquals(first, replay.owner());
        assertFalse(replay.restart(NOW, LEASE), "a running replay is not restarted");
    }

    @Test
    void onlyAnExpiredLeaseLetsAnotherExecutionTakeOver() {
        String first = replay.owner();
        assertFalse(replay.takeOver(NOW.plusSeconds(10), LEASE), "its execution is alive");
        replay.renew(NOW.plusSeconds(20), LEASE);
        assertFalse(replay.takeOver(NOW.plusSeconds(40), LEASE), "renewed");

        assertTrue(replay.takeOver(NOW.plusSeconds(51), LEASE));
        assertNotEquals(first, replay.owner());
        assertFalse(replay.takeOver(NOW.plusSeconds(52), LEASE), "taken over once");
    }

    @Test
    void aStoppingReplayWhoseExecutionDiedIsStoppedNotResumed() {
        replay.requestStop();

        assertFalse(replay.takeOver(NOW.plusMinutes(5), LEASE));
        assertEquals(ReplayStatus.STOPPED, replay.status());
    }

    @Test
    void failuresAreKeptShort() {
        replay.finish("x".repeat(2000), NOW);

        assertEquals(ReplayStatus.FAILED, replay.status());
        assertEquals(1000, replay.error().length());
        assertTrue(replay.restart(NOW, LEASE));
        assertNull(replay.error());
    }
}

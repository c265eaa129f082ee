package io.hookline.replay;

import io.hookline.delivery.control.DeliveryQuery;
import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.api.CrmEvent;
import io.hookline.replay.control.ReplayJobs;
import io.hookline.replay.control.Replays;
import io.hookline.replay.entity.Replay;
import io.hookline.replay.entity.ReplayStatus;
import io.hookline.testing.Await;
import io.hookline.testing.Deployments;
import io.hookline.testing.InContainerTest;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In the container: a replay whose execution died (its instance crashed) is taken over by the sweep once its lease
 * has expired, continues after its checkpoint, and its writer sends nothing already marked as resent, even when the
 * checkpoint lags behind what was sent (a crash between a chunk's deliveries and a later checkpoint cannot happen,
 * as they commit together; a lagging checkpoint is the harder case).
 */
class ReplayRecoveryIT extends InContainerTest {

    private static final int EVENTS = 30;

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline(ReplayRecoveryIT.class);
    }

    @Inject
    Replays replays;

    @Inject
    ReplayJobs jobs;

    @PersistenceContext
    EntityManager em;

    @Test
    void crashedReplayIsTakenOverAndResendsNothingTwice() throws Exception {
        Endpoint endpoint = subscribe("/crash", "contact.created");
        for (int i = 0; i < EVENTS; i++) {
            commit(CrmEvent.of("contact.created", tenant).entity("contact", "c" + i)
                    .data(Json.createObjectBuilder().add("n", i).build()).build());
        }
        receiver.await(EVENTS, WAIT);
        Await.until(WAIT, () -> deliveries.search(tenant, new DeliveryQuery(endpoint.id(), null, DeliveryStatus.SUCCEEDED,
                null, null, null, null, 100)).data().size(), n -> n == EVENTS);
        Replay replay = jobs.start(tenant, endpoint.id(), replays.filter(null, null, "SUCCEEDED", List.of(), false));
        Replay done = awaitRest(replay.id());
        assertEquals(ReplayStatus.COMPLETED, done.status());
        assertEquals(EVENTS, done.resent());
        receiver.await(2 * EVENTS, WAIT);

        List<?> tenth = em.createQuery("select e.id, e.createdAt from OutboxEvent e where e.tenantId = :tenant"
                + " order by e.createdAt, e.id").setParameter("tenant", tenant).setFirstResult(9).setMaxResults(1).getResultList();
        Object[] checkpoint = (Object[]) tenth.get(0);
        transaction.begin();
        em.createQuery("update Replay r set r.status = io.hookline.replay.entity.ReplayStatus.RUNNING, r.owner = :dead,"
                        + " r.leaseUntil = :expired, r.finishedAt = null, r.lastEventId = :id, r.lastEventAt = :at where r.id = :replay")
                .setParameter("dead", UUID.randomUUID().toString())
                .setParameter("expired", OffsetDateTime.now().minusSeconds(1))
                .setParameter("id", checkpoint[0])
                .setParameter("at", checkpoint[1])
                .setParameter("replay", replay.id())
                .executeUpdate();
        transaction.commit();

        Replay resumed = Await.until(WAIT, () -> replays.find(tenant, replay.id()),
                r -> r.status() == ReplayStatus.COMPLETED && r.read() > EVENTS);
        assertEquals(EVENTS + EVENTS - 10, resumed.read(), "continued after the tenth event");
        assertEquals(EVENTS - 10, resumed.skipped(), "every one of them already marked as resent");
        assertEquals(EVENTS, resumed.resent());
        Await.pause(2500); // a second send would have arrived by now
        assertEquals(2 * EVENTS, receiver.received().size());
    }

    private Replay awaitRest(String replayId) {
        return Await.until(WAIT, () -> replays.find(tenant, replayId), r -> !r.status().isActive());
    }
}

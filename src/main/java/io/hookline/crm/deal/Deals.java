package io.hookline.crm.deal;

import io.hookline.crm.CrmEvents;
import io.hookline.crm.TenantRecords;
import io.hookline.event.api.FieldChange;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import java.util.List;

/** Deal changes of one tenant, each published as an event in the transaction that makes it. */
@ApplicationScoped
@Transactional
public class Deals {

    @Inject
    TenantRecords records;

    @Inject
    CrmEvents events;

    public Deal create(String tenantId, DealRequest request, String actorId) {
        Deal deal = records.add(new Deal(tenantId, request.name(), request.amount(), request.stage(),
                request.pipeline(), Time.now()));
        events.fire("deal.created", deal, actorId);
        return deal;
    }

    public Deal find(String tenantId, String dealId) {
        return records.find(Deal.class, tenantId, dealId);
    }

    public List<Deal> newestFirst(String tenantId) {
        return records.newestFirst(Deal.class, tenantId);
    }

    /**
     * Any move is a deal.updated; a stage move is also a deal.stage_changed, for receivers that follow the
     * pipeline only (seed 002).
     */
    public Deal update(String tenantId, String dealId, DealRequest patch, String actorId) {
        Deal deal = find(tenantId, dealId);
        List<FieldChange> changes = deal.edit(patch.name(), patch.amount(), patch.stage(), patch.pipeline(), Time.now());
        if (changes.isEmpty()) {
            return deal;
        }
        events.fire("deal.updated", deal, actorId, changes);
        changes.stream().filter(change -> change.field().equals("stage")).findFirst().ifPresent(stage ->
                events.fire("deal.stage_changed", deal, withPreviousStage(deal, stage), actorId, List.of(stage)));
        return deal;
    }

    public Deal win(String tenantId, String dealId, String actorId) {
        Deal deal = find(tenantId, dealId);
        deal.win(Time.now());
        events.fire("deal.won", deal, actorId);
        return deal;
    }

    public Deal lose(String tenantId, String dealId, String actorId) {
        Deal deal = find(tenantId, dealId);
        deal.lose(Time.now());
        events.fire("deal.lost", deal, actorId);
        return deal;
    }

    public void delete(String tenantId, String dealId, String actorId) {
        Deal deal = find(tenantId, dealId);
        records.remove(deal);
        events.fire("deal.deleted", deal, actorId);
    }

    /** Seed 002's receivers read the stage left behind from the data itself, under this key. */
    private static JsonObject withPreviousStage(Deal deal, FieldChange stage) {
        return Json.createObjectBuilder(deal.snapshot()).add("previous_stage", stage.previous()).build();
    }
}

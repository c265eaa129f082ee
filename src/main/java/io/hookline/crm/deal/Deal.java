package io.hookline.crm.deal;

import io.hookline.crm.CrmRecord;
import io.hookline.crm.Snapshot;
import io.hookline.event.api.FieldChange;
import io.hookline.platform.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A sales opportunity moving through the stages of a pipeline (seed 002). It opens when created and closes as won
 * or lost; a closed deal may still flip to the other outcome, but not be closed the same way twice.
 */
@Entity
@Table(name = "crm_deal", indexes = @Index(name = "crm_deal_tenant_created", columnList = "tenant_id, created_at"))
public class Deal extends CrmRecord {

    /** Money in the tenant's currency, kept to cents: one scale for every amount, so equal amounts compare equal. */
    @Column(precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(length = 100)
    private String stage;

    @Column(length = 100)
    private String pipeline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private DealStatus status;

    protected Deal() {
    }

    public Deal(String tenantId, String name, BigDecimal amount, String stage, String pipeline, OffsetDateTime now) {
        super(tenantId, name, now);
        this.amount = amount == null ? null : money(amount);
        this.stage = stage;
        this.pipeline = pipeline;
        this.status = DealStatus.OPEN;
    }

    /** Changes the given fields; null leaves a field as it is. Answers the fields that moved. */
    public List<FieldChange> edit(String name, BigDecimal amount, String stage, String pipeline, OffsetDateTime now) {
        return edit(now, () -> {
            if (name != null) {
                rename(name);
            }
            if (amount != null) {
                this.amount = money(amount);
            }
            if (stage != null) {
                this.stage = stage;
            }
            if (pipeline != null) {
                this.pipeline = pipeline;
            }
        });
    }

    public void win(OffsetDateTime now) {
        close(DealStatus.WON, now);
    }

    public void lose(OffsetDateTime now) {
        close(DealStatus.LOST, now);
    }

    private void close(DealStatus outcome, OffsetDateTime now) {
        if (status == outcome) {
            throw new ProblemException(Response.Status.CONFLICT, "Deal " + id() + " is already " + outcome.label());
        }
        status = outcome;
        touch(now);
    }

    private static BigDecimal money(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw ProblemException.badRequest("amount: must not be negative");
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException finerThanCents) {
            throw ProblemException.badRequest("amount: at most 2 decimal places");
        }
    }

    @Override
    public String entityType() {
        return "deal";
    }

    @Override
    protected void describe(Snapshot snapshot) {
        snapshot.add("amount", amount).add("stage", stage).add("pipeline", pipeline).add("status", status.label());
    }

    public BigDecimal amount() {
        return amount;
    }

    public String stage() {
        return stage;
    }

    public String pipeline() {
        return pipeline;
    }

    public DealStatus status() {
        return status;
    }
}

package io.hookline.crm.customer;

import io.hookline.crm.CrmRecord;
import io.hookline.crm.Snapshot;
import io.hookline.event.api.FieldChange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/** A person or company the tenant does business with. */
@Entity
@Table(name = "crm_customer", indexes = @Index(name = "crm_customer_tenant_created", columnList = "tenant_id, created_at"))
public class Customer extends CrmRecord {

    @Column(length = 320)
    private String email;

    @Column(length = 50)
    private String phone;

    protected Customer() {
    }

    public Customer(String tenantId, String name, String email, String phone, OffsetDateTime now) {
        super(tenantId, name, now);
        this.email = email;
        this.phone = phone;
    }

    /** Changes the given fields; null leaves a field as it is. Answers the fields that moved. */
    public List<FieldChange> edit(String name, String email, String phone, OffsetDateTime now) {
        return edit(now, () -> {
            if (name != null) {
                rename(name);
            }
            if (email != null) {
                this.email = email;
            }
            if (phone != null) {
                this.phone = phone;
            }
        });
    }

    @Override
    public String entityType() {
        return "customer";
    }

    @Override
    protected void describe(Snapshot snapshot) {
        snapshot.add("email", email).add("phone", phone);
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }
}

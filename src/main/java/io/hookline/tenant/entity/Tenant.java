package io.hookline.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A customer account of the CRM. Its id is a short slug chosen at creation, as it appears in payloads.
 * Two switches shape what it gets: the Developer Platform feature (the webhook management API; off answers 403)
 * and live delivery (off for preview-only workspaces, whose deliveries are recorded but never sent).
 */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "developer_platform", nullable = false)
    private boolean developerPlatform;

    @Column(name = "live_delivery", nullable = false)
    private boolean liveDelivery;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Tenant() {
    }

    public Tenant(String id, String name, boolean developerPlatform, boolean liveDelivery, OffsetDateTime createdAt) {
        this.id = id;
        this.name = name;
        this.developerPlatform = developerPlatform;
        this.liveDelivery = liveDelivery;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean developerPlatformEnabled() {
        return developerPlatform;
    }

    public boolean liveDelivery() {
        return liveDelivery;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void switchDeveloperPlatform(boolean on) {
        this.developerPlatform = on;
    }

    public void switchLiveDelivery(boolean on) {
        this.liveDelivery = on;
    }
}

package io.hookline.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A bearer key of one tenant. Only a hash of the key is kept; the key itself is shown once, when it is made. */
@Entity
@Table(name = "api_key", indexes = @Index(name = "api_key_hash", columnList = "key_hash", unique = true))
@NamedQuery(name = ApiKey.BY_HASH, query = "select k from ApiKey k where k.keyHash = :hash and k.revokedAt is null")
public class ApiKey {

    public static final String BY_HASH = "ApiKey.byHash";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Column(nullable = false, length = 100)
    private String label;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String id, String tenantId, String keyHash, String label, OffsetDateTime createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.keyHash = keyHash;
        this.label = label;
        this.createdAt = createdAt;
    }

    public String tenantId() {
        return tenantId;
    }
}

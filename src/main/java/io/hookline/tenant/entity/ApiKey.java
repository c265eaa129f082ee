package io.hookline.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A bearer key of one tenant. Only a slow salted hash of the key is kept, plus a short prefix so people can tell
 * their keys apart and a presented key is checked against its few candidates only; the key itself is shown once,
 * when it is made. A revoked key stays listed but opens nothing.
 */
@Entity
@Table(name = "api_key", indexes = {
        @Index(name = "api_key_prefix", columnList = "prefix"),
        @Index(name = "api_key_tenant_created", columnList = "tenant_id, created_at")})
@NamedQuery(name = ApiKey.CANDIDATES, query = "select k from ApiKey k where k.prefix = :prefix or k.prefix is null")
@NamedQuery(name = ApiKey.OF_TENANT, query = "select k from ApiKey k where k.tenantId = :tenant order by k.createdAt desc")
@NamedQuery(name = ApiKey.ACTIVE_ADMINS, query = "select count(k) from ApiKey k where k.tenantId = :tenant"
        + " and k.role = io.hookline.tenant.entity.Role.ADMIN and k.revokedAt is null")
public class ApiKey {

    public static final String CANDIDATES = "ApiKey.candidates";
    public static final String OF_TENANT = "ApiKey.ofTenant";
    public static final String ACTIVE_ADMINS = "ApiKey.activeAdmins";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    /** PBKDF2 of the key's SHA-256 (hex), in Jakarta Security's {@code algorithm:iterations:salt:hash} form. */
    @Column(name = "key_hash", nullable = false, length = 255)
    private String keyHash;

    @Column(length = 16)
    private String prefix;

    @Column(nullable = false, length = 100)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String id, String tenantId, String keyHash, String prefix, String label, Role role, OffsetDateTime createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.keyHash = keyHash;
        this.prefix = prefix;
        this.label = label;
        this.role = role;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String keyHash() {
        return keyHash;
    }

    public String prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }

    public Role role() {
        return role;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime revokedAt() {
        return revokedAt;
    }

    public boolean active() {
        return revokedAt == null;
    }

    /** Revoking twice keeps the first time: the moment the key stopped working. */
    public void revoke(OffsetDateTime at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }
}

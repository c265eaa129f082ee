package io.hookline.tenant.entity;

import io.hookline.platform.Ids;
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
 * A person who signs in to the admin pages for one tenant, with the same roles as API keys. Only a PBKDF2 hash of
 * the password is kept. The user name is unique across tenants, so signing in needs no tenant field.
 */
@Entity
@Table(name = "app_user", indexes = {
        @Index(name = "app_user_username", columnList = "username", unique = true),
        @Index(name = "app_user_tenant_created", columnList = "tenant_id, created_at")})
@NamedQuery(name = User.BY_USERNAME, query = "select u from User u where u.username = :username")
@NamedQuery(name = User.OF_TENANT, query = "select u from User u where u.tenantId = :tenant order by u.createdAt")
public class User {

    public static final String BY_USERNAME = "User.byUsername";
    public static final String OF_TENANT = "User.ofTenant";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected User() {
    }

    public User(String tenantId, String username, String passwordHash, Role role, OffsetDateTime createdAt) {
        this.id = Ids.newId();
        this.tenantId = tenantId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}

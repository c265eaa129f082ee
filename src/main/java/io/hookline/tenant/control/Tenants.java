package io.hookline.tenant.control;

import io.hookline.platform.Ids;
import io.hookline.tenant.entity.ApiKey;
import io.hookline.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Creates tenants and their API keys, and tells which tenant a presented key belongs to. */
@ApplicationScoped
@Transactional
public class Tenants {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    public Optional<Tenant> find(String tenantId) {
        return Optional.ofNullable(em.find(Tenant.class, tenantId));
    }

    public Tenant create(String tenantId, String name) {
        Tenant tenant = new Tenant(tenantId, name, OffsetDateTime.now(ZoneOffset.UTC));
        em.persist(tenant);
        return tenant;
    }

    /** Stores a key for the tenant and returns it in clear: the only time it exists outside the caller. */
    public String issueKey(String tenantId, String label) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = "hk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        registerKey(tenantId, key, label);
        return key;
    }

    /** Registers a key chosen elsewhere (the bootstrap key from configuration). */
    public void registerKey(String tenantId, String key, String label) {
        em.persist(new ApiKey(Ids.newId(), tenantId, hash(key), label, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    public boolean hasKey(String key) {
        return tenantOfKey(key).isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> tenantOfKey(String key) {
        return em.createNamedQuery(ApiKey.BY_HASH, ApiKey.class)
                .setParameter("hash", hash(key))
                .getResultStream().findFirst().map(ApiKey::tenantId);
    }

    public long keyCount(String tenantId) {
        return em.createQuery("select count(k) from ApiKey k where k.tenantId = :tenant", Long.class)
                .setParameter("tenant", tenantId).getSingleResult();
    }

    /** Keys are 256 random bits, so a fast hash suffices to make a stolen table useless; lookups stay indexed. */
    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

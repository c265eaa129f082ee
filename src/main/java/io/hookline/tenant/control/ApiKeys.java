package io.hookline.tenant.control;

import io.hookline.platform.Ids;
import io.hookline.platform.ProblemException;
import io.hookline.platform.Time;
import io.hookline.tenant.entity.ApiKey;
import io.hookline.tenant.entity.Role;
import io.hookline.tenant.entity.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys of tenants: issued, listed and revoked one tenant at a time, and matched against presented keys.
 * Stored as PBKDF2 (Jakarta Security's {@link Pbkdf2PasswordHash}) of the key's SHA-256: slow and salted, so a
 * copied table yields no usable key, and the SHA-256 step let existing hashes be migrated without their keys.
 */
@ApplicationScoped
@Transactional
public class ApiKeys {

    private static final String KEY_PREFIX = "hk_";
    /** "hk_" and 6 of the 43 random characters: enough to recognise a key, far too little to guess it. */
    private static final int SHOWN_PREFIX_LENGTH = KEY_PREFIX.length() + 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Keys are 256 random bits; the iterations matter only for short configured keys (the bootstrap key). */
    private static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "20000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    VerifiedKeys verified;

    @PostConstruct
    void configureHash() {
        pbkdf2.initialize(HASH_PARAMETERS);
    }

    /** A freshly issued key: the stored record, and the key in clear, which exists only in this answer. */
    public record Issued(ApiKey apiKey, String key) {
    }

    public Issued issue(String tenantId, String label, Role role) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey apiKey = new ApiKey(Ids.newId(), tenantId, storedHash(digest(key)), prefix(key), label, role, Time.now());
        em.persist(apiKey);
        return new Issued(apiKey, key);
    }

    /**
     * Registers an admin key chosen elsewhere (the bootstrap key from configuration). No prefix is kept: such a key
     * may be short, and part of it would be a real hint.
     */
    public void register(String tenantId, String key, String label) {
        em.persist(new ApiKey(Ids.newId(), tenantId, storedHash(digest(key)), null, label, Role.ADMIN, Time.now()));
    }

    /** The active key presented: one whose hash matched before (see {@link VerifiedKeys}), or else by its slow hash. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApiKey> active(String key) {
        String digest = digest(key);
        return verified.find(digest, known -> Optional.ofNullable(em.find(ApiKey.class, known.id())))
                .or(() -> verified.verify(digest, () -> matching(key, digest, false)));
    }

    /** Whether the key was ever registered, revoked or not. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean known(String key) {
        return matching(key, digest(key), true).isPresent();
    }

    /** Only keys with the presented key's prefix, and configured keys (which have none), are worth a slow hash. */
    private Optional<ApiKey> matching(String key, String digest, boolean withRevoked) {
        return em.createNamedQuery(ApiKey.CANDIDATES, ApiKey.class)
                .setParameter("prefix", prefix(key))
                .getResultStream()
                .filter(candidate -> withRevoked || candidate.active())
                .filter(candidate -> pbkdf2.verify(digest.toCharArray(), candidate.keyHash()))
                .findFirst();
    }

    /** The stored form of a key's SHA-256; also how the schema migration converts hashes stored before. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String storedHash(String digest) {
        return pbkdf2.generate(digest.toCharArray());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKey> list(String tenantId) {
        return em.createNamedQuery(ApiKey.OF_TENANT, ApiKey.class).setParameter("tenant", tenantId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApiKey find(String tenantId, String keyId) {
        ApiKey apiKey = em.find(ApiKey.class, keyId);
        if (apiKey == null || !apiKey.tenantId().equals(tenantId)) {
            throw ProblemException.notFound("API key " + keyId);
        }
        return apiKey;
    }

    /** Revokes a key, unless it is the tenant's last active admin key: that would lock the account out for good. */
    public ApiKey revoke(String tenantId, String keyId) {
        // the tenant row serialises revocations, so two concurrent ones cannot both remove "the other" admin key
        em.find(Tenant.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
        ApiKey apiKey = find(tenantId, keyId);
        if (apiKey.active() && apiKey.role() == Role.ADMIN && activeAdmins(tenantId) == 1) {
            throw ProblemException.conflict("This is the last active admin key of the account; create another admin key before revoking it.");
        }
        apiKey.revoke(Time.now());
        verified.forget(apiKey.id());
        return apiKey;
    }

    public long count(String tenantId) {
        return em.createQuery("select count(k) from ApiKey k where k.tenantId = :tenant", Long.class)
                .setParameter("tenant", tenantId).getSingleResult();
    }

    private long activeAdmins(String tenantId) {
        return em.createNamedQuery(ApiKey.ACTIVE_ADMINS, Long.class).setParameter("tenant", tenantId).getSingleResult();
    }

    private static String prefix(String key) {
        return key.startsWith(KEY_PREFIX) && key.length() > SHOWN_PREFIX_LENGTH ? key.substring(0, SHOWN_PREFIX_LENGTH) : "";
    }

    static String digest(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

package io.hookline.tenant.control;

import io.hookline.tenant.entity.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys verified in the last {@link #TTL_NANOS half minute}, so a busy client does not pay a slow hash on every request.
 * Keyed by the key's SHA-256, never the key; bounded; a revoked key is forgotten at once on this instance (on others
 * it expires within the half minute).
 */
@ApplicationScoped
public class VerifiedKeys {

    private static final long TTL_NANOS = 30_000_000_000L;
    private static final int CAPACITY = 10_000;

    private record Entry(ApiKey apiKey, long verifiedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Optional<ApiKey> find(String digest) {
        Entry entry = entries.get(digest);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.verifiedAt() > TTL_NANOS) {
            entries.remove(digest, entry);
            return Optional.empty();
        }
        return Optional.of(entry.apiKey());
    }

    void remember(String digest, ApiKey apiKey) {
        if (entries.size() >= CAPACITY) {
            long now = System.nanoTime();
            entries.values().removeIf(entry -> now - entry.verifiedAt() > TTL_NANOS);
            if (entries.size() >= CAPACITY) {
                entries.clear();
            }
        }
        entries.put(digest, new Entry(apiKey, System.nanoTime()));
    }

    void forget(String apiKeyId) {
        entries.values().removeIf(entry -> entry.apiKey().id().equals(apiKeyId));
    }
}

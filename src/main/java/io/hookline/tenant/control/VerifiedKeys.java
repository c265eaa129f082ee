package io.hookline.tenant.control;

import io.hookline.tenant.entity.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keys verified in the last {@link #TTL_NANOS half minute}, so a busy client does not pay a slow hash on every request.
 * Keyed by the key's SHA-256, never the key; bounded; a revoked key is forgotten at once on this instance (on others
 * it expires within the half minute). One verification per key at a time: when a busy client's entry expired, each of
 * its requests in flight ran the slow hash at once, which stalled the whole instance for a few hundred ms every half
 * minute (bench/run, 200 writes/s).
 */
@ApplicationScoped
public class VerifiedKeys {

    private static final long TTL_NANOS = 30_000_000_000L;
    private static final int CAPACITY = 10_000;

    private record Entry(ApiKey apiKey, long verifiedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<ApiKey>>> verifying = new ConcurrentHashMap<>();

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

    /**
     * The key with this digest, verified by {@code slowHash} unless another thread is verifying it already, in which
     * case its answer is awaited and shared. A key found is remembered.
     */
    Optional<ApiKey> verify(String digest, Supplier<Optional<ApiKey>> slowHash) {
        CompletableFuture<Optional<ApiKey>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<ApiKey>> running = verifying.putIfAbsent(digest, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }
        try {
            Optional<ApiKey> found = slowHash.get();
            found.ifPresent(apiKey -> remember(digest, apiKey));
            mine.complete(found);
            return found;
        } catch (RuntimeException failed) {
            mine.completeExceptionally(failed);
            throw failed;
        } finally {
            verifying.remove(digest, mine);
        }
    }

    private void remember(String digest, ApiKey apiKey) {
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

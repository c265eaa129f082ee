package io.hookline.tenant.control;

import io.hookline.tenant.entity.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keys whose slow hash matched, so a client pays it once per instance rather than on every request. Keyed by the
 * key's SHA-256, never the key; bounded. A match stays a match, but a key can be revoked: once it was last found
 * active more than {@link #TTL_NANOS half a minute} ago, it is read again by its id (a revocation on another instance
 * takes effect within that time; on this one at once). Re-running the slow hash every half minute instead stalled a
 * busy client's requests behind it (the bench's profile: 2% of the server's CPU at 100 requests a second). One
 * verification per key at a time: when a new key arrives with many requests in flight, they share its hash.
 */
@ApplicationScoped
public class VerifiedKeys {

    private static final long TTL_NANOS = 30_000_000_000L;
    private static final int CAPACITY = 10_000;

    private record Entry(ApiKey apiKey, long checkedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<ApiKey>>> verifying = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public VerifiedKeys() {
        this(System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    VerifiedKeys(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * The key with this digest if its hash matched before and it is still active, as {@code reread} says of it once
     * it was last found so more than half a minute ago; a key no longer active is forgotten.
     */
    Optional<ApiKey> find(String digest, Function<ApiKey, Optional<ApiKey>> reread) {
        Entry entry = entries.get(digest);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.getAsLong() - entry.checkedAt() <= TTL_NANOS) {
            return Optional.of(entry.apiKey());
        }
        Optional<ApiKey> current = reread.apply(entry.apiKey()).filter(ApiKey::active);
        if (current.isPresent()) {
            entries.replace(digest, entry, new Entry(current.get(), clock.getAsLong()));
        } else {
            entries.remove(digest, entry);
        }
        return current;
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

    /** When full, the entries due for a re-read go first, then all of them: each costs its key one slow hash. */
    private void remember(String digest, ApiKey apiKey) {
        if (entries.size() >= CAPACITY) {
            long now = clock.getAsLong();
            entries.values().removeIf(entry -> now - entry.checkedAt() > TTL_NANOS);
            if (entries.size() >= CAPACITY) {
                entries.clear();
            }
        }
        entries.put(digest, new Entry(apiKey, clock.getAsLong()));
    }

    void forget(String apiKeyId) {
        entries.values().removeIf(entry -> entry.apiKey().id().equals(apiKeyId));
    }
}

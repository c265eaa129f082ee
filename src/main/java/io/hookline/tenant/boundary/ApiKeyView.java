package io.hookline.tenant.boundary;

import io.hookline.tenant.control.ApiKeys;
import io.hookline.tenant.entity.ApiKey;
import io.hookline.tenant.entity.Role;

import java.time.OffsetDateTime;

/**
 * An API key as the API shows it: never the hash. {@code prefix} (the start of the key) tells keys apart;
 * {@code key} is present only in the answer that issued it.
 */
public record ApiKeyView(String id, String label, Role role, String prefix, OffsetDateTime createdAt,
                         OffsetDateTime revokedAt, String key) {

    static ApiKeyView of(ApiKey apiKey) {
        return view(apiKey, null);
    }

    static ApiKeyView of(ApiKeys.Issued issued) {
        return view(issued.apiKey(), issued.key());
    }

    private static ApiKeyView view(ApiKey apiKey, String key) {
        return new ApiKeyView(apiKey.id(), apiKey.label(), apiKey.role(), apiKey.prefix(), apiKey.createdAt(),
                apiKey.revokedAt(), key);
    }
}

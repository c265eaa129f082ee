package io.hookline.tenant.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.MessageDigest;
import java.util.Optional;

/**
 * The key of the platform operator (the company hosting the CRM), from {@code hookline.operator.api-key}. Without
 * one the operator API is switched off. It is not a tenant key and opens no tenant's data.
 */
@ApplicationScoped
public class OperatorKey {

    @Inject
    @ConfigProperty(name = "hookline.operator.api-key")
    Optional<String> configured;

    public boolean enabled() {
        return configured.isPresent();
    }

    /** Compares digests in constant time, so neither the content nor the length of the key leaks through timing. */
    public boolean matches(String presented) {
        return configured.isPresent()
                && MessageDigest.isEqual(ApiKeys.sha256(configured.get()), ApiKeys.sha256(presented));
    }
}

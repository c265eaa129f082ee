package io.hookline.tenant.control;

import io.hookline.tenant.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes sure the bootstrap tenant exists with an admin API key, so a fresh laptop install is usable at once.
 * A key from {@code hookline.bootstrap.api-key} is registered as given; without one a key is generated and logged
 * the first time only (later starts find the stored hash and stay silent). A configured key that an admin revoked
 * stays revoked: restarting does not bring it back. Likewise the first admin user of the admin pages
 * ({@code hookline.bootstrap.admin-user}, default {@code admin}): created while the tenant has no user, with the
 * password from {@code hookline.bootstrap.admin-password} or a generated one, logged that once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    Tenants tenants;

    @Inject
    ApiKeys apiKeys;

    @Inject
    Users users;

    @Inject
    @ConfigProperty(name = "hookline.bootstrap.tenant", defaultValue = "demo")
    String tenantId;

    @Inject
    @ConfigProperty(name = "hookline.bootstrap.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "hookline.bootstrap.admin-user", defaultValue = "admin")
    String adminUser;

    @Inject
    @ConfigProperty(name = "hookline.bootstrap.admin-password")
    Optional<String> adminPassword;

    @PostConstruct
    void ensureTenant() {
        if (tenants.find(tenantId).isEmpty()) {
            tenants.create(tenantId, tenantId);
        }
        if (apiKey.isPresent()) {
            if (!apiKeys.known(apiKey.get())) {
                apiKeys.register(tenantId, apiKey.get(), "bootstrap (configured)");
            }
        } else if (apiKeys.count(tenantId) == 0) {
            String key = apiKeys.issue(tenantId, "bootstrap (generated)", Role.ADMIN).key();
            LOG.warning(() -> "Generated API key for tenant '" + tenantId + "' (shown once, store it): " + key);
        }
        if (users.list(tenantId).isEmpty()) {
            String password = adminPassword.orElseGet(Bootstrap::generatedPassword);
            users.create(tenantId, adminUser, password, Role.ADMIN);
            if (adminPassword.isEmpty()) {
                LOG.warning(() -> "Generated password of admin user '" + adminUser + "' for tenant '" + tenantId
                        + "' (shown once, store it): " + password);
            }
        }
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package io.hookline.tenant.control;

import io.hookline.platform.ProblemException;
import io.hookline.platform.Time;
import io.hookline.tenant.entity.Role;
import io.hookline.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** Tenant accounts: opened by the operator, with the feature switches that decide what each one gets. */
@ApplicationScoped
@Transactional
public class Tenants {

    @PersistenceContext
    EntityManager em;

    @Inject
    ApiKeys apiKeys;

    /** A new account and its first admin key, in clear: the operator hands it to the customer. */
    public record Opened(Tenant tenant, String apiKey) {
    }

    /** What the operator may change; null leaves a field as it is. */
    public record Change(String name, Boolean developerPlatform, Boolean liveDelivery) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Tenant> find(String tenantId) {
        return Optional.ofNullable(em.find(Tenant.class, tenantId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Tenant require(String tenantId) {
        return find(tenantId).orElseThrow(() -> ProblemException.notFound("Tenant " + tenantId));
    }

    /** The bootstrap tenant: everything on. */
    public Tenant create(String tenantId, String name) {
        Tenant tenant = new Tenant(tenantId, name, true, true, Time.now());
        em.persist(tenant);
        return tenant;
    }

    public Opened open(String tenantId, String name, boolean developerPlatform, boolean liveDelivery) {
        if (find(tenantId).isPresent()) {
            throw ProblemException.conflict("Tenant " + tenantId + " already exists.");
        }
        Tenant tenant = new Tenant(tenantId, name, developerPlatform, liveDelivery, Time.now());
        em.persist(tenant);
        try {
            em.flush();
        } catch (PersistenceException raced) { // the same id created concurrently: the primary key says no
            throw ProblemException.conflict("Tenant " + tenantId + " already exists.");
        }
        return new Opened(tenant, apiKeys.issue(tenantId, "initial admin key", Role.ADMIN).key());
    }

    public Tenant change(String tenantId, Change change) {
        Tenant tenant = require(tenantId);
        if (change.name() != null) {
            tenant.rename(change.name().trim());
        }
        if (change.developerPlatform() != null) {
            tenant.switchDeveloperPlatform(change.developerPlatform());
        }
        if (change.liveDelivery() != null) {
            tenant.switchLiveDelivery(change.liveDelivery());
        }
        return tenant;
    }

    /** Settings → Features, by the tenant's own admin. */
    public Tenant switchDeveloperPlatform(String tenantId, boolean on) {
        Tenant tenant = require(tenantId);
        tenant.switchDeveloperPlatform(on);
        return tenant;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean developerPlatformEnabled(String tenantId) {
        return find(tenantId).map(Tenant::developerPlatformEnabled).orElse(false);
    }

    /**
     * Whether deliveries of this tenant may go out to real endpoints; preview-only workspaces record them unsent.
     * An unknown tenant (a CRM module firing for an account Hookline never opened) delivers as before.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean liveDelivery(String tenantId) {
        return find(tenantId).map(Tenant::liveDelivery).orElse(true);
    }
}

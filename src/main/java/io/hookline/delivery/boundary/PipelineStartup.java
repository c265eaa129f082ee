package io.hookline.delivery.boundary;

import io.hookline.delivery.control.ConcurrencyLimits;
import io.hookline.delivery.control.PipelineBatches;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

/**
 * Starts the pipeline's batching and attempt threads with the application, from inside an EJB: Payara's managed threads take the
 * context of where they are made, and without a component's context the beans first used on them got no injected
 * resources or entity managers (the restart tests found it). Only starting and stopping happen here; callers use
 * {@link PipelineBatches} and {@link ConcurrencyLimits} directly, never through an EJB call from a transaction's completion.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class PipelineStartup {

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    PipelineBatches batches;

    @Inject
    ConcurrencyLimits limits;

    @PostConstruct
    void start() {
        batches.start(threads);
        limits.start(threads);
    }

    @PreDestroy
    void stop() {
        limits.stop();
        batches.stop();
    }
}

package io.hookline.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import io.hookline.tenant.control.ApiKeys;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Brings the database schema up to date before anything uses it: the versioned scripts in {@code db/migration},
 * applied once each, so operators can see and review every change made to their PostgreSQL, and the one step that
 * needs keys ({@link SecretsAtRestMigration}). Loading the master key here also means a missing one stops the start.
 * Start-up beans that touch the database declare {@code @DependsOn("SchemaMigration")}.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    @Resource(lookup = Resources.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    MasterKey masterKey;

    @Inject
    ApiKeys apiKeys;

    @PostConstruct
    void migrate() {
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new SecretsAtRestMigration(masterKey.cipher(), apiKeys::storedHash))
                .load()
                .migrate();
    }
}

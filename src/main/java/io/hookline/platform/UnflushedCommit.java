package io.hookline.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lets the caller's transaction commit without waiting for PostgreSQL to flush it to disk
 * ({@code SET LOCAL synchronous_commit TO OFF}), for writes that a crash of the database may undo because something
 * else redoes them. Its rows are visible to others at once, and durable once the WAL writer flushes them (within three
 * times {@code wal_writer_delay}, 0.6 s by default) or a later commit that waits does: any transaction that read them
 * commits after them, so what it wrote is never kept while they are lost. On H2, whose every commit is written by
 * the committing thread (see {@link ConfiguredDataSource}), nothing changes.
 */
@ApplicationScoped
public class UnflushedCommit {

    @Inject
    @ConfigProperty(name = "hookline.datasource.url", defaultValue = ConfiguredDataSource.DEFAULT_URL)
    String url;

    @PersistenceContext
    EntityManager em;

    /** Applies to the caller's transaction, from now until it ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forThisTransaction() {
        if (!ConfiguredDataSource.isPostgresql(url)) {
            return;
        }
        try (Statement statement = JdbcBatch.connection(em).createStatement()) {
            statement.execute("set local synchronous_commit to off");
        } catch (SQLException failure) {
            throw new IllegalStateException("Cannot turn off waiting for the flush of this transaction", failure);
        }
    }
}

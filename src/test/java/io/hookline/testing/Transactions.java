package io.hookline.testing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionManager;

import java.util.function.Supplier;

/**
 * Begins and ends the JTA transactions of in-container tests through the container's transaction manager, not
 * through {@code UserTransaction}: Payara's {@code @Transactional} interceptors keep the caller's transaction
 * operations manager in a field that every thread calling the same application-scoped bean shares, so a test
 * thread can be left marked as being inside a {@code @Transactional} method while the pipeline's threads call the
 * same beans, and every later {@code UserTransaction} call on it then fails (WELD-000044, "Operation not allowed").
 * The application itself never uses {@code UserTransaction}.
 */
@ApplicationScoped
public class Transactions {

    @Resource(lookup = "java:appserver/TransactionManager")
    TransactionManager manager;

    public void begin() throws Exception {
        manager.begin();
    }

    public void commit() throws Exception {
        manager.commit();
    }

    public void rollback() throws Exception {
        manager.rollback();
    }

    public void setRollbackOnly() throws Exception {
        manager.setRollbackOnly();
    }

    /**
     * A test's own reads, in a transaction rolled back afterwards. Not outside one: Payara's non-transactional entity
     * manager was once closed under a test between a query and its result ("closed EntityManager", NonTxEMCleaner).
     */
    public <T> T read(Supplier<T> reads) {
        try {
            manager.begin();
            try {
                return reads.get();
            } finally {
                manager.rollback();
            }
        } catch (RuntimeException | Error failed) {
            throw failed;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void read(Runnable reads) {
        read(() -> {
            reads.run();
            return null;
        });
    }
}

package io.hookline.testing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionManager;

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
}

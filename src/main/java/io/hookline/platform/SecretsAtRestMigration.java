package io.hookline.platform;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Schema version 9, in Java because it needs keys SQL cannot have: widens the secret and key-hash columns, seals every
 * endpoint secret stored in plain text with the master key, and replaces every stored SHA-256 key hash by the slow
 * salted hash of it (which is exactly what a presented key is checked against from now on).
 */
final class SecretsAtRestMigration implements JavaMigration {

    private static final List<String> DDL = List.of(
            "alter table endpoint alter column secret set data type varchar(512)",
            "alter table endpoint alter column previous_secret set data type varchar(512)",
            "alter table api_key alter column key_hash set data type varchar(255)",
            "drop index api_key_hash", // hashes are salted now: keys are found by prefix
            "create index api_key_prefix on api_key (prefix)");

    private final SecretCipher cipher;
    private final UnaryOperator<String> keyHash;

    SecretsAtRestMigration(SecretCipher cipher, UnaryOperator<String> keyHash) {
        this.cipher = cipher;
        this.keyHash = keyHash;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("9");
    }

    @Override
    public String getDescription() {
        return "secrets at rest";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        try (Statement statement = db.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
        }
        UnaryOperator<String> seal = secret -> SecretCipher.isEncrypted(secret) ? secret : cipher.encrypt(secret);
        rewrite(db, "endpoint", "secret", seal);
        rewrite(db, "endpoint", "previous_secret", seal);
        rewrite(db, "api_key", "key_hash", keyHash);
    }

    /** Every non-null value of the column, changed; table and column names are the constants above. */
    private static void rewrite(Connection db, String table, String column, UnaryOperator<String> change) throws SQLException {
        try (Statement select = db.createStatement();
             ResultSet rows = select.executeQuery("select id, " + column + " from " + table + " where " + column + " is not null");
             PreparedStatement update = db.prepareStatement("update " + table + " set " + column + " = ? where id = ?")) {
            while (rows.next()) {
                update.setString(1, change.apply(rows.getString(2)));
                update.setString(2, rows.getString(1));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}

package io.hookline.platform;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Version 9 on a database written by the versions before it: plain secrets get sealed, key hashes re-hashed. */
class SecretsAtRestMigrationTest {

    private static final String URL = "jdbc:h2:mem:migration;DB_CLOSE_DELAY=-1";
    private final SecretCipher cipher = new SecretCipher("hookline-integration-test-key-32".getBytes(StandardCharsets.US_ASCII));

    @Test
    void existingSecretsAndKeyHashesAreConverted() throws Exception {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").target("7").load().migrate();
        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement()) {
            sql.execute("insert into tenant (id, name, created_at) values ('acme', 'Acme', current_timestamp)");
            sql.execute("insert into endpoint (id, tenant_id, name, url, all_events, secret, previous_secret, status,"
                    + " consecutive_failures, created_at) values ('e1', 'acme', 'n', 'https://x.example/', true, 'whsec_old-plain',"
                    + " null, 'ACTIVE', 0, current_timestamp), ('e2', 'acme', 'n', 'https://x.example/', true, 'whsec_new',"
                    + " 'whsec_previous', 'ACTIVE', 0, current_timestamp)");
            sql.execute("insert into api_key (id, tenant_id, key_hash, label, created_at) values ('k1', 'acme',"
                    + " 'ab12', 'old', current_timestamp)");

            Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration")
                    .javaMigrations(new SecretsAtRestMigration(cipher, digest -> "PBKDF2 of " + digest)).load().migrate();

            try (ResultSet rows = sql.executeQuery("select id, secret, previous_secret from endpoint order by id")) {
                rows.next();
                assertEquals("whsec_old-plain", cipher.decrypt(rows.getString(2)));
                assertNull(rows.getString(3));
                rows.next();
                assertEquals("whsec_new", cipher.decrypt(rows.getString(2)));
                assertEquals("whsec_previous", cipher.decrypt(rows.getString(3)));
            }
            try (ResultSet rows = sql.executeQuery("select key_hash from api_key")) {
                rows.next();
                assertEquals("PBKDF2 of ab12", rows.getString(1));
            }
            String longSecret = cipher.encrypt("s".repeat(256));
            assertTrue(longSecret.length() > 256 && longSecret.length() <= 512);
            sql.execute("update endpoint set secret = '" + longSecret + "' where id = 'e1'"); // the widened column takes it
        }
    }
}

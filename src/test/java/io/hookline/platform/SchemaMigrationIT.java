package io.hookline.platform;

import io.hookline.testing.Deployments;
import jakarta.annotation.Resource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In the container, on the database the suite runs on: the scripts of that database's own directory ran, and only
 * those. On PostgreSQL (CI's second pass) the delivery search has its trigram indexes (asked of the catalogue: on
 * tables this small the planner prefers other plans); on H2 the PostgreSQL script is not in the schema history.
 */
@ExtendWith(ArquillianExtension.class)
class SchemaMigrationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline(SchemaMigrationIT.class);
    }

    @Resource(lookup = Resources.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void theDatabasesOwnScriptsRanAndNoOthers() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product.equals("PostgreSQL")) {
                assertTrigramIndexesServeTheSearch(sql);
            } else {
                assertEquals("H2", product);
                try (ResultSet scripts = sql.executeQuery(
                        "select count(*) from \"flyway_schema_history\" where \"script\" like '%delivery_search%'")) {
                    scripts.next();
                    assertEquals(0, scripts.getInt(1), "PostgreSQL's trigram script is not run on H2");
                }
            }
        }
    }

    /** The search's conditions are lower(column) like '%term%': a trigram index on the same expression serves them. */
    private static void assertTrigramIndexesServeTheSearch(Statement sql) throws SQLException {
        Map<String, String> definitions = new HashMap<>();
        try (ResultSet indexes = sql.executeQuery("select indexname, indexdef from pg_indexes where tablename = 'delivery'")) {
            while (indexes.next()) {
                definitions.put(indexes.getString(1), indexes.getString(2));
            }
        }
        assertEquals("CREATE INDEX delivery_url_trgm ON public.delivery USING gin (lower((url)::text) gin_trgm_ops)",
                definitions.get("delivery_url_trgm"), definitions.toString());
        assertEquals("CREATE INDEX delivery_event_type_trgm ON public.delivery USING gin (lower((event_type)::text) gin_trgm_ops)",
                definitions.get("delivery_event_type_trgm"), definitions.toString());
    }
}

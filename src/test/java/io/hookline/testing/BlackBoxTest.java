package io.hookline.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Base of black-box tests: the running server driven over HTTP from the test JVM, with the bootstrap tenant's key
 * and an HTTPS receiver on loopback. Endpoints a test creates are disabled after it, so later tests of the same
 * tenant are not sent its events.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class BlackBoxTest {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    @ArquillianResource
    protected URL base;

    protected ApiClient api;
    protected Receiver receiver;
    private final List<String> endpointIds = new ArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        api = new ApiClient(base.toURI(), "it-admin-key");
        receiver = Receiver.start();
    }

    @AfterEach
    void disconnect() {
        endpointIds.forEach(id -> api.post("api/v1/endpoints/" + id + "/disable", null));
        receiver.close();
    }

    protected void disableAfterTest(String endpointId) {
        endpointIds.add(endpointId);
    }

    /** An endpoint to the receiver at {@code path}; the answer includes its secret. */
    protected JsonObject createEndpoint(String path, String... events) {
        JsonArrayBuilder types = Json.createArrayBuilder();
        for (String event : events) {
            types.add(event);
        }
        ApiClient.Reply created = api.post("api/v1/endpoints", Json.createObjectBuilder()
                .add("name", "test " + path).add("url", receiver.url(path)).add("events", types).build().toString());
        assertEquals(201, created.status(), String.valueOf(created.json()));
        disableAfterTest(created.object().getString("id"));
        return created.object();
    }
}

package io.hookline.format.control;

import io.hookline.format.entity.WireFormat;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every format's request for every kind of event, byte for byte against src/test/resources/golden, so a change to a
 * format is always deliberate. Only the version in the User-Agent is a placeholder ({@value #VERSION}), so a release
 * does not touch the files. After a deliberate change: {@code ./mvnw test -Dtest=GoldenRequestsTest -Dgolden.update=true}
 * rewrites them; review the diff.
 */
class GoldenRequestsTest {

    private static final String VERSION = "{version}";
    private static final Path SOURCE = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> everyFormatRendersEveryEventKindExactlyAsRecorded() {
        return Stream.of(WireFormat.values()).flatMap(format -> SampleEvents.GOLDEN.stream().map(event ->
                DynamicTest.dynamicTest(format.id() + " " + event.type(), () -> check(format, event))));
    }

    private static void check(WireFormat format, WireEvent event) throws IOException {
        WireRequest request = WireFormats.render(format, event, SampleEvents.DELIVERY_ID, List.of(SampleEvents.SECRET),
                SampleEvents.NOW);
        String actual = recorded(request).replace("User-Agent: " + UserAgent.VALUE, "User-Agent: Hookline/" + VERSION);
        String name = format.id() + "/" + event.type() + ".http";
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(SOURCE.resolve(format.id()));
            Files.writeString(SOURCE.resolve(name), actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream golden = GoldenRequestsTest.class.getResourceAsStream("/golden/" + name)) {
            assertNotNull(golden, "no golden file " + name + "; run with -Dgolden.update=true to record it");
            assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8), actual, name);
        }
    }

    /** The request as a receiver sees it: one header per line, a blank line, the body. */
    private static String recorded(WireRequest request) {
        return request.headers().entrySet().stream().map(Map.Entry::getKey).map(name -> name + ": " + request.headers().get(name))
                .collect(Collectors.joining("\n", "", "\n\n")) + request.body() + "\n";
    }
}

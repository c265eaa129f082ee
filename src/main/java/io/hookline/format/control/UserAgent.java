package io.hookline.format.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code Hookline/<version>}, the version being the Maven project's, written into a resource by the build. */
final class UserAgent {

    static final String VALUE = "Hookline/" + version();

    private UserAgent() {
    }

    static String version() {
        InputStream in = UserAgent.class.getResourceAsStream("/META-INF/hookline.properties");
        if (in == null) {
            throw new IllegalStateException("META-INF/hookline.properties is missing: the Maven build writes it");
        }
        try (in) {
            Properties build = new Properties();
            build.load(in);
            return build.getProperty("version");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

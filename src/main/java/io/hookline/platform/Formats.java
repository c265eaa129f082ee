package io.hookline.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the admin pages write values: times in UTC to the second, missing ones as a dash. */
@Named
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    public String time(OffsetDateTime time) {
        return time == null ? "—" : TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}

package io.hookline.platform;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Checks query parameters by hand. JAX-RS answers a malformed int parameter with 404 where the caller deserves a 400
 * that says what is wrong, and constraint annotations on parameters break Payara's OpenAPI document
 * (payara/Payara#7649), so the API's constraints live here and in META-INF/validation/constraints.xml.
 */
public final class QueryParams {

    public static final int DEFAULT_LIMIT = 50;

    private QueryParams() {
    }

    public static int limit(String text, int max) {
        if (text == null || text.isBlank()) {
            return Math.min(DEFAULT_LIMIT, max);
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like any other out-of-range value
        }
        throw ProblemException.badRequest("limit: must be a whole number from 1 to " + max);
    }

    /** An ISO-8601 date-time, or null when not given. */
    public static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException malformed) {
            throw ProblemException.badRequest(name + ": must be an ISO-8601 date-time such as 2026-03-03T14:30:00Z");
        }
    }

    public static String text(String name, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw ProblemException.badRequest(name + ": at most " + maxLength + " characters");
        }
        return value;
    }
}

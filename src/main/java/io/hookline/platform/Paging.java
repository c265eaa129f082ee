package io.hookline.platform;

/**
 * Reads the {@code limit} query parameter of listings. Parsed here rather than bound as an int, because JAX-RS
 * answers a malformed query parameter with 404, where the caller deserves a 400 that says what is wrong.
 */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;

    private Paging() {
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
}

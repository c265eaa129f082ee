package io.hookline.platform;

/**
 * Text from outside (a receiver's headers, a TLS peer's certificate names) made safe for a log line or an error
 * message: line breaks and other control or format characters are escaped, so nobody can forge extra log lines,
 * and the length is capped.
 */
public final class SafeText {

    private SafeText() {
    }

    public static String oneLine(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), maxLength) + 8);
        int i = 0;
        for (; i < text.length() && safe.length() < maxLength; i++) {
            char c = text.charAt(i);
            switch (Character.getType(c)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                     Character.SURROGATE, Character.UNASSIGNED -> safe.append(escape(c));
                default -> safe.append(c);
            }
        }
        return i == text.length() && safe.length() <= maxLength ? safe.toString() : safe.substring(0, Math.min(safe.length(), maxLength)) + "...";
    }

    private static String escape(char c) {
        return switch (c) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", (int) c);
        };
    }
}

package io.hookline.endpoint.control;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A webhook URL taken apart the strict way, so that what is checked is exactly what is connected to: https only, no
 * user info, no percent-encoded or zone-scoped hosts, international names in punycode, trailing dots dropped, and
 * every spelling of an IPv4 address that browsers and C libraries accept (integer, octal, hex, short forms such as
 * {@code 127.1}) read as that address rather than passed to DNS.
 */
public record TargetUrl(URI uri, String host, int port, Optional<InetAddress> literal) {

    private static final int HTTPS_PORT = 443;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** @throws UnsafeTargetException saying what is wrong with the URL */
    public static TargetUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnsafeTargetException("The URL is missing; enter one such as https://hooks.example.com/crm.");
        }
        String url = text.strip();
        if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || c == '\\')) {
            throw new UnsafeTargetException("The URL must not contain spaces, control characters or backslashes.");
        }
        URI uri = uri(url);
        if (!uri.isAbsolute() || uri.isOpaque() || !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new UnsafeTargetException("The URL must start with https://, such as https://hooks.example.com/crm.");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new UnsafeTargetException("The URL must name a host.");
        }
        if (authority.contains("@")) {
            throw new UnsafeTargetException("The URL must not contain a user name or password.");
        }
        return authority.startsWith("[") ? bracketed(uri, authority) : named(uri, authority);
    }

    /** What goes on the request line: the path and query as given (non-ASCII percent-encoded), never the fragment. */
    public String requestTarget() {
        URI ascii = URI.create(uri.toASCIIString());
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        return ascii.getRawQuery() == null ? path : path + "?" + ascii.getRawQuery();
    }

    /** The Host header: bracketed for IPv6, with the port unless it is 443. */
    public String hostHeader() {
        String name = host.contains(":") ? "[" + host + "]" : host;
        return port == HTTPS_PORT ? name : name + ":" + port;
    }

    /** A name without dots is completed by the resolver's search domains, that is, inside the local network. */
    public boolean isSingleLabelName() {
        return literal.isEmpty() && !host.contains(".");
    }

    private static URI uri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException malformed) {
            throw new UnsafeTargetException("The URL is not valid: " + malformed.getReason() + ".");
        }
    }

    private static TargetUrl bracketed(URI uri, String authority) {
        int close = authority.indexOf(']');
        if (close < 0) {
            throw new UnsafeTargetException("The URL's IPv6 address is missing its closing bracket.");
        }
        String address = authority.substring(1, close);
        if (address.contains("%")) {
            throw new UnsafeTargetException("The URL must not name an IPv6 zone (the part after %).");
        }
        if (!address.contains(":") || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            throw new UnsafeTargetException("The URL's host [" + address + "] is not a valid IPv6 address.");
        }
        InetAddress literal = literal("[" + address + "]", address);
        return new TargetUrl(uri, literal.getHostAddress(), port(authority.substring(close + 1)), Optional.of(literal));
    }

    private static TargetUrl named(URI uri, String authority) {
        int colon = authority.indexOf(':');
        if (colon != authority.lastIndexOf(':')) {
            throw new UnsafeTargetException("An IPv6 address in a URL must be in brackets, such as https://[2001:db8::1]/.");
        }
        String host = colon < 0 ? authority : authority.substring(0, colon);
        int port = port(colon < 0 ? "" : authority.substring(colon));
        if (host.contains("%")) {
            throw new UnsafeTargetException("The URL's host must not be percent-encoded.");
        }
        String ascii = ascii(host);
        String[] labels = ascii.split("\\.", -1);
        if (Ipv4Literal.endsInNumber(labels)) {
            InetAddress address = Ipv4Literal.parse(labels).orElseThrow(() -> new UnsafeTargetException(
                    "The URL's host " + host + " looks like an IPv4 address but is not a valid one."));
            return new TargetUrl(uri, address.getHostAddress(), port, Optional.of(address));
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new UnsafeTargetException("The URL's host " + host + " is not a valid host name.");
            }
        }
        return new TargetUrl(uri, ascii, port, Optional.empty());
    }

    /** Punycode for international names (which also folds full-width digits and dots), lower case, no trailing dot. */
    private static String ascii(String host) {
        try {
            String ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            while (ascii.endsWith(".")) {
                ascii = ascii.substring(0, ascii.length() - 1);
            }
            if (ascii.isEmpty() || ascii.length() > 253) {
                throw new UnsafeTargetException("The URL's host " + host + " is not a valid host name.");
            }
            return ascii;
        } catch (IllegalArgumentException invalid) {
            throw new UnsafeTargetException("The URL's host " + host + " is not a valid host name.");
        }
    }

    private static int port(String text) {
        if (text.isEmpty() || text.equals(":")) {
            return HTTPS_PORT;
        }
        if (text.charAt(0) != ':' || text.length() > 6 || !text.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new UnsafeTargetException("The URL's port is not valid.");
        }
        int port = Integer.parseInt(text.substring(1));
        if (port < 1 || port > 65535) {
            throw new UnsafeTargetException("The URL's port must be between 1 and 65535.");
        }
        return port;
    }

    private static InetAddress literal(String text, String shown) {
        try {
            return InetAddress.getByName(text); // a bracketed literal: parsed, never looked up
        } catch (UnknownHostException invalid) {
            throw new UnsafeTargetException("The URL's host [" + shown + "] is not a valid IPv6 address.");
        }
    }
}

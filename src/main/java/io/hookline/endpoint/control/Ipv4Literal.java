package io.hookline.endpoint.control;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 address in any spelling that URL parsers and {@code inet_aton} accept: one to four parts, each decimal,
 * octal (leading 0) or hex (0x), the last part filling the remaining bytes ({@code 127.1}, {@code 2130706433},
 * {@code 0x7f.0.0.1}, {@code 0177.0.0.1}). Read here, so such a host can never reach DNS under another meaning.
 */
final class Ipv4Literal {

    private static final BigInteger BYTE = BigInteger.valueOf(256);
    private static final Pattern DIGITS = Pattern.compile("[0-9]+|0x[0-9a-f]*");

    private Ipv4Literal() {
    }

    /** The URL standard's rule: a host whose last label is a number is an IPv4 address or nothing. */
    static boolean endsInNumber(String[] labels) {
        return DIGITS.matcher(labels[labels.length - 1]).matches();
    }

    /** @return the address, or empty when the labels are not a valid IPv4 address in any of these spellings */
    static Optional<InetAddress> parse(String[] labels) {
        if (labels.length > 4) {
            return Optional.empty();
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < labels.length; i++) {
            Optional<BigInteger> part = number(labels[i]);
            boolean last = i == labels.length - 1;
            BigInteger limit = last ? BYTE.pow(4 - i) : BYTE;
            if (part.isEmpty() || part.get().compareTo(limit) >= 0) {
                return Optional.empty();
            }
            value = last ? value.multiply(limit).add(part.get()) : value.multiply(BYTE).add(part.get());
        }
        return Optional.of(address(value.longValueExact()));
    }

    private static Optional<BigInteger> number(String label) {
        if (label.length() > 40 || !DIGITS.matcher(label).matches()) {
            return Optional.empty();
        }
        try {
            if (label.startsWith("0x")) {
                return Optional.of(label.length() == 2 ? BigInteger.ZERO : new BigInteger(label.substring(2), 16));
            }
            if (label.length() > 1 && label.startsWith("0")) {
                return Optional.of(new BigInteger(label.substring(1), 8));
            }
            return Optional.of(new BigInteger(label, 10));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static InetAddress address(long value) {
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

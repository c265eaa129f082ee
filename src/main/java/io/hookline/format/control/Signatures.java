package io.hookline.format.control;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/** HMAC-SHA256 over a message with an endpoint's signing secret, as the wire formats need it. */
final class Signatures {

    private Signatures() {
    }

    /** Keyed with the secret's UTF-8 bytes, as the seeds' receivers key it. */
    static String hmacSha256Hex(String secret, String message) {
        return HexFormat.of().formatHex(hmacSha256(secret.getBytes(StandardCharsets.UTF_8), message));
    }

    static String hmacSha256Base64(byte[] key, String message) {
        return Base64.getEncoder().encodeToString(hmacSha256(key, message));
    }

    private static byte[] hmacSha256(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}

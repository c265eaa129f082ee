package io.hookline.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A receiver's check of ToolbagCRM's signature, written from seed 000 alone: X-Toolbag-Signature is
 * {@code t=<timestamp>,v1=<signature>}, the HMAC-SHA256 of {@code timestamp + "." + rawBody} with the endpoint secret.
 * Independent of the server's code on purpose, so the two cannot agree on a mistake.
 */
public final class ToolbagSignature {

    private ToolbagSignature() {
    }

    public static boolean verify(String secret, String header, String rawBody) throws Exception {
        if (header == null) {
            return false;
        }
        String timestamp = null;
        boolean matched = false;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            }
        }
        if (timestamp == null) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + rawBody).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII);
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("v1")) {
                matched |= MessageDigest.isEqual(expected, pair[1].getBytes(StandardCharsets.US_ASCII));
            }
        }
        return matched;
    }
}

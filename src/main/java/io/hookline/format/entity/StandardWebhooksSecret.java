package io.hookline.format.entity;

import java.util.Base64;
import java.util.Optional;

/**
 * A Standard Webhooks secret: {@code whsec_} followed by the base64 of the HMAC key, 24 to 64 bytes as the spec
 * recommends. Hookline's generated secrets have this form, so every format can use them.
 */
public final class StandardWebhooksSecret {

    public static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    private StandardWebhooksSecret() {
    }

    /** The HMAC key the secret stands for, or empty when it is not a valid whsec_ secret. */
    public static Optional<byte[]> key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            return key.length >= MIN_BYTES && key.length <= MAX_BYTES ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}

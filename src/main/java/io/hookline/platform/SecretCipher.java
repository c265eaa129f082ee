package io.hookline.platform;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * AES-256-GCM for secrets at rest. A stored value is {@code enc:v1:} and the base64 of a random 96-bit nonce followed
 * by the ciphertext and its 128-bit tag, so ciphertext is recognisable (plaintext from before encryption never
 * passes for it) and any tampering fails decryption instead of yielding a wrong secret.
 */
public final class SecretCipher {

    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the master key must be 256 bits (32 bytes), not " + key.length * 8);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    public String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, plaintext.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    /** @throws IllegalStateException when the value is not ours, was altered, or was sealed with another key */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            throw new IllegalStateException("A stored secret is not encrypted; run the schema migration first");
        }
        byte[] data = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        byte[] nonce = Arrays.copyOf(data, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(data, NONCE_BYTES, data.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("A stored secret cannot be decrypted with this master key"
                    + " (hookline.secrets.master-key): it was altered or sealed with another key", failure);
        }
    }
}

package io.hookline.platform;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher("hookline-integration-test-key-32".getBytes(StandardCharsets.US_ASCII));

    @Test
    void sealedSecretsOpenAgainAndShowNothing() {
        String sealed = cipher.encrypt("whsec_very-secret");
        assertTrue(sealed.startsWith("enc:v1:"));
        assertFalse(sealed.contains("very-secret"));
        assertNotEquals(sealed, cipher.encrypt("whsec_very-secret"), "a fresh nonce each time");
        assertEquals("whsec_very-secret", cipher.decrypt(sealed));
    }

    @Test
    void tamperingOrAnotherKeyOrPlainTextFailsLoudly() {
        String sealed = cipher.encrypt("whsec_very-secret");
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(altered));
        SecretCipher other = new SecretCipher("another-key-of-exactly-32-bytes!".getBytes(StandardCharsets.US_ASCII));
        assertThrows(IllegalStateException.class, () -> other.decrypt(sealed));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("whsec_plain"));
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher(new byte[16]));
    }

    @Test
    void outsideTextCannotForgeLogLines() {
        assertEquals("ok\\r\\n[SEVERE] forged\\u0000", SafeText.oneLine("ok\r\n[SEVERE] forged\u0000", 100));
        assertEquals("abc...", SafeText.oneLine("abcdef", 3));
        assertEquals("abc", SafeText.oneLine("abc", 3));
    }
}

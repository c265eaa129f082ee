package io.hookline.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasterKeyTest {

    @TempDir
    Path dir;

    @Test
    void aLaptopGetsAPrivateKeyFileThatLastsAcrossStarts() throws Exception {
        Path file = dir.resolve("data/master.key");
        String sealed = key(Optional.empty(), file, "development").cipher().encrypt("whsec_x");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("whsec_x", key(Optional.empty(), file, "development").cipher().decrypt(sealed), "the same key next time");
    }

    @Test
    void productionRefusesToStartWithoutAConfiguredKey() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> key(Optional.empty(), dir.resolve("master.key"), "production"));
        assertTrue(refused.getMessage().contains("hookline.secrets.master-key is required"), refused.getMessage());
        assertTrue(Files.notExists(dir.resolve("master.key")));
        key(Optional.of("aG9va2xpbmUtaW50ZWdyYXRpb24tdGVzdC1rZXktMzI="), dir.resolve("master.key"), "production");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThrows(IllegalStateException.class, () -> key(Optional.of("c2hvcnQ="), dir.resolve("k"), "development"));
        assertThrows(IllegalStateException.class, () -> key(Optional.of("not base64!"), dir.resolve("k"), "development"));
    }

    private static MasterKey key(Optional<String> configured, Path file, String profile) {
        MasterKey key = new MasterKey();
        key.configured = configured;
        key.keyFile = file.toString();
        key.profile = profile;
        key.load();
        return key;
    }
}

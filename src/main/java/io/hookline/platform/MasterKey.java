package io.hookline.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The key that seals secrets at rest: {@code hookline.secrets.master-key} (base64 of 256 random bits, e.g.
 * {@code openssl rand -base64 32}). A laptop without one gets a key generated into {@code hookline.secrets.master-key-file}
 * (next to the embedded database) and a warning; with {@code hookline.profile=production} a missing key stops the
 * start, since a generated file would be lost or copied along with the server.
 */
@ApplicationScoped
public class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());

    @Inject
    @ConfigProperty(name = "hookline.secrets.master-key")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "hookline.secrets.master-key-file", defaultValue = "data/master.key")
    String keyFile;

    @Inject
    @ConfigProperty(name = "hookline.profile", defaultValue = "development")
    String profile;

    private SecretCipher cipher;

    @PostConstruct
    void load() {
        if (configured.isPresent() && !configured.get().isBlank()) {
            cipher = new SecretCipher(decode(configured.get(), "hookline.secrets.master-key"));
        } else if ("production".equalsIgnoreCase(profile.trim())) {
            throw new IllegalStateException("hookline.secrets.master-key is required when hookline.profile=production:"
                    + " set it (HOOKLINE_SECRETS_MASTER_KEY) to the base64 of 32 random bytes, e.g. `openssl rand -base64 32`,"
                    + " and keep it apart from database backups.");
        } else {
            cipher = new SecretCipher(fromFile(Path.of(keyFile).toAbsolutePath()));
        }
    }

    public SecretCipher cipher() {
        return cipher;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.notExists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
            LOG.warning("SECURITY: hookline.secrets.master-key is not set; endpoint secrets are sealed with the generated"
                    + " key in " + file + ". Fine on a laptop; in production set hookline.secrets.master-key and"
                    + " hookline.profile=production.");
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException failure) {
            throw new IllegalStateException("Cannot read or create the master key file " + file, failure);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            if (key.length == 32) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        throw new IllegalStateException(source + " must be the base64 of exactly 32 bytes (256 bits), e.g. `openssl rand -base64 32`");
    }
}

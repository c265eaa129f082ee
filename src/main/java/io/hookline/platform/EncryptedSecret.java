package io.hookline.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Seals a secret column with the {@link MasterKey}: entities keep the plain value in memory, the database only ever
 * sees {@code enc:v1:...}. The key is looked up on first use, since the persistence unit may create converters
 * before CDI is ready.
 */
@Converter
public class EncryptedSecret implements AttributeConverter<String, String> {

    private volatile SecretCipher cipher;

    @Override
    public String convertToDatabaseColumn(String secret) {
        return secret == null ? null : cipher().encrypt(secret);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : cipher().decrypt(stored);
    }

    private SecretCipher cipher() {
        if (cipher == null) {
            cipher = CDI.current().select(MasterKey.class).get().cipher();
        }
        return cipher;
    }
}

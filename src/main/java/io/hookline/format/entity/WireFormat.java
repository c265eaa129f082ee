package io.hookline.format.entity;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The wire format an endpoint's receiver understands, named in the API by {@link #id()}. It also carries each
 * format's signing rules: whether its receivers may go without signatures, and what a usable secret looks like.
 */
public enum WireFormat {

    TOOLBAG("toolbag", false),
    CUSTOMERMATES("customermates", true),
    TONIC_DESK("tonic-desk", true),
    JOB_SYNC("job-sync", true),
    STANDARD_WEBHOOKS("standard-webhooks", false);

    private final String id;
    private final boolean signingOptional;

    WireFormat(String id, boolean signingOptional) {
        this.id = id;
        this.signingOptional = signingOptional;
    }

    public String id() {
        return id;
    }

    /** The seeds 001 to 004 make the secret optional; ToolbagCRM and Standard Webhooks always sign. */
    public boolean signingOptional() {
        return signingOptional;
    }

    public static Optional<WireFormat> byId(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst();
    }

    /** Every id, for messages that list the allowed values. */
    public static String ids() {
        return Arrays.stream(values()).map(WireFormat::id).collect(Collectors.joining(", "));
    }

    /** Why this format cannot sign with {@code secret}, or empty when it can. */
    public Optional<String> secretProblem(String secret) {
        if (this == STANDARD_WEBHOOKS && StandardWebhooksSecret.key(secret).isEmpty()) {
            return Optional.of("standard-webhooks needs a secret of the form whsec_<base64 of "
                    + StandardWebhooksSecret.MIN_BYTES + " to " + StandardWebhooksSecret.MAX_BYTES + " bytes>");
        }
        return Optional.empty();
    }
}

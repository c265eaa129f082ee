package io.hookline.endpoint.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Which URLs may receive webhooks: HTTPS only, and never an address inside the network Hookline runs in (loopback,
 * private, link-local, carrier-grade NAT, multicast), so a tenant cannot aim deliveries at internal services.
 * Checked when an endpoint is saved and again before every connection, since DNS answers change.
 * {@code hookline.delivery.allow-private-targets=true} lifts the address rule for local testing only.
 */
@ApplicationScoped
public class TargetPolicy {

    private static final Logger LOG = Logger.getLogger(TargetPolicy.class.getName());

    @Inject
    @ConfigProperty(name = "hookline.delivery.allow-private-targets", defaultValue = "false")
    boolean allowPrivateTargets;

    @PostConstruct
    void warnIfOpen() {
        if (allowPrivateTargets) {
            LOG.warning("hookline.delivery.allow-private-targets=true: webhooks may reach loopback and private"
                    + " networks. Use this for local testing only.");
        }
    }

    /** @throws UnsafeTargetException with a message fit for the admin who entered the URL */
    public URI requireSafe(String url) {
        URI uri = parse(url);
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new UnsafeTargetException("The URL must start with https://.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UnsafeTargetException("The URL must not contain a user name or password.");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new UnsafeTargetException("The URL must name a host.");
        }
        if (!allowPrivateTargets) {
            for (InetAddress address : resolve(host)) {
                if (isInternal(address)) {
                    throw new UnsafeTargetException("The URL points to a private, loopback or otherwise internal"
                            + " address (" + address.getHostAddress() + "); webhooks go to public endpoints only.");
                }
            }
        }
        return uri;
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.trim());
            if (!uri.isAbsolute()) {
                throw new UnsafeTargetException("The URL must be absolute, such as https://hooks.example.com/crm.");
            }
            return uri;
        } catch (URISyntaxException malformed) {
            throw new UnsafeTargetException("The URL is not valid: " + malformed.getReason() + ".");
        }
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host.toLowerCase(Locale.ROOT));
        } catch (UnknownHostException unknown) {
            throw new UnsafeTargetException("The host " + host + " cannot be resolved; the URL must be publicly reachable.");
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
        }
        return address instanceof Inet6Address && (bytes[0] & 0xFE) == 0xFC; // unique local fc00::/7
    }
}

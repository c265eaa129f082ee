package io.hookline.endpoint.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Which URLs may receive webhooks: HTTPS only (see {@link TargetUrl}), and never an address inside the network
 * Hookline runs in (see {@link InternalAddresses}), so a tenant cannot aim deliveries at internal services. Checked
 * when an endpoint is saved, and again before every connection, which then goes to exactly the addresses checked.
 * {@code hookline.delivery.allowed-cidrs} opens chosen internal blocks (enterprise deployments with internal
 * receivers); {@code hookline.delivery.allow-private-targets=true} lifts the address rule for local testing only.
 */
@ApplicationScoped
public class TargetPolicy {

    private static final Logger LOG = Logger.getLogger(TargetPolicy.class.getName());

    @Inject
    HostResolver resolver;

    @Inject
    @ConfigProperty(name = "hookline.delivery.allow-private-targets", defaultValue = "false")
    boolean allowPrivateTargets;

    @Inject
    @ConfigProperty(name = "hookline.delivery.allowed-cidrs")
    Optional<String> allowedCidrsText;

    private List<Cidr> allowedCidrs;

    @PostConstruct
    void init() {
        try {
            allowedCidrs = allowedCidrsText.map(text -> Arrays.stream(text.split(",")).map(String::trim)
                    .filter(cidr -> !cidr.isEmpty()).map(Cidr::parse).toList()).orElse(List.of());
        } catch (IllegalArgumentException bad) {
            throw new IllegalStateException("hookline.delivery.allowed-cidrs must list address blocks such as"
                    + " 10.20.0.0/16,fd00:1::/64: " + bad.getMessage(), bad);
        }
        if (allowPrivateTargets) {
            LOG.warning("SECURITY: hookline.delivery.allow-private-targets=true: webhooks may reach loopback, private"
                    + " and cloud metadata addresses. Use this for local testing only, never in production.");
        }
        if (!allowedCidrs.isEmpty()) {
            LOG.warning("SECURITY: hookline.delivery.allowed-cidrs=" + allowedCidrs + ": webhooks may reach these"
                    + " internal address blocks. Every tenant can aim endpoints at them.");
        }
    }

    /** Created at start-up, so the warnings above are logged then rather than at the first delivery. */
    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        allowedCidrs.size();
    }

    /**
     * The check when an endpoint is saved. With private targets allowed the name is not resolved: it may not exist
     * yet, and the check before each connection still resolves it.
     *
     * @throws UnsafeTargetException with a message fit for the admin who entered the URL
     */
    public TargetUrl requireSafe(String url) {
        TargetUrl target = TargetUrl.parse(url);
        if (!allowPrivateTargets) {
            checkedAddresses(target);
        }
        return target;
    }

    /** The check right before connecting: the addresses returned are the ones to connect to. */
    public SafeTarget resolveSafe(String url) {
        TargetUrl target = TargetUrl.parse(url);
        return new SafeTarget(target, checkedAddresses(target));
    }

    private List<InetAddress> checkedAddresses(TargetUrl target) {
        if (!allowPrivateTargets && target.isSingleLabelName()) {
            throw new UnsafeTargetException("The host " + target.host() + " is not a fully qualified name (such as"
                    + " hooks.example.com); a name without dots is resolved inside the local network.");
        }
        List<InetAddress> addresses = addresses(target);
        if (!allowPrivateTargets) {
            addresses.forEach(address -> requirePublic(target, address));
        }
        return addresses;
    }

    private List<InetAddress> addresses(TargetUrl target) {
        if (target.literal().isPresent()) {
            return List.of(target.literal().get());
        }
        try {
            List<InetAddress> addresses = resolver.resolve(target.host());
            if (addresses.isEmpty()) {
                throw new UnknownHostException(target.host());
            }
            return addresses;
        } catch (UnknownHostException unknown) {
            throw new UnsafeTargetException("The host " + target.host() + " cannot be resolved; the URL must be"
                    + " publicly reachable.");
        }
    }

    private void requirePublic(TargetUrl target, InetAddress address) {
        if (allowedCidrs.stream().anyMatch(cidr -> cidr.contains(address))) {
            return;
        }
        InternalAddresses.why(address).ifPresent(why -> {
            String where = target.literal().isPresent() ? "The URL points to " + address.getHostAddress()
                    : "The host " + target.host() + " resolves to " + address.getHostAddress();
            throw new UnsafeTargetException(where + ", which is " + why + "; webhooks go to public internet addresses only.");
        });
    }
}

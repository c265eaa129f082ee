package io.hookline.endpoint.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses are not the public internet, with the reason in words: the special-purpose blocks of the IANA
 * registries for IPv4 and IPv6. IPv6 forms that carry an IPv4 address inside (mapped, compatible, NAT64, 6to4,
 * Teredo) are refused or judged by the address they carry, and any IPv6 outside global unicast (2000::/3) is refused.
 */
final class InternalAddresses {

    private record Block(Cidr cidr, String why) {
    }

    private static final List<Block> BLOCKS = List.of(
            block("0.0.0.0/8", "the unspecified \"this network\" block 0.0.0.0/8"),
            block("10.0.0.0/8", "a private network (10.0.0.0/8)"),
            block("100.64.0.0/10", "carrier-grade NAT space (100.64.0.0/10)"),
            block("127.0.0.0/8", "loopback (127.0.0.0/8): the server itself"),
            block("169.254.169.254/32", "the cloud instance metadata service (169.254.169.254)"),
            block("169.254.0.0/16", "link-local (169.254.0.0/16)"),
            block("172.16.0.0/12", "a private network (172.16.0.0/12)"),
            block("192.0.0.0/24", "IETF protocol assignments (192.0.0.0/24)"),
            block("192.0.2.0/24", "documentation space (192.0.2.0/24)"),
            block("192.88.99.0/24", "the deprecated 6to4 relay anycast block (192.88.99.0/24)"),
            block("192.168.0.0/16", "a private network (192.168.0.0/16)"),
            block("198.18.0.0/15", "benchmarking space (198.18.0.0/15)"),
            block("198.51.100.0/24", "documentation space (198.51.100.0/24)"),
            block("203.0.113.0/24", "documentation space (203.0.113.0/24)"),
            block("224.0.0.0/4", "multicast (224.0.0.0/4)"),
            block("255.255.255.255/32", "the broadcast address"),
            block("240.0.0.0/4", "reserved space (240.0.0.0/4)"),
            block("::/128", "the unspecified IPv6 address ::"),
            block("::1/128", "IPv6 loopback (::1): the server itself"),
            block("::ffff:0:0/96", "an IPv4-mapped IPv6 address"),
            block("::/96", "a deprecated IPv4-compatible IPv6 address"),
            block("64:ff9b::/96", "the NAT64 prefix 64:ff9b::/96, which reaches IPv4 addresses through a translator"),
            block("64:ff9b:1::/48", "the local-use NAT64 prefix 64:ff9b:1::/48"),
            block("100::/64", "the IPv6 discard-only block (100::/64)"),
            block("2001::/32", "a Teredo tunnel address (2001::/32)"),
            block("2001:2::/48", "IPv6 benchmarking space (2001:2::/48)"),
            block("2001:10::/28", "IPv6 ORCHID space (2001:10::/28)"),
            block("2001:20::/28", "IPv6 ORCHIDv2 space (2001:20::/28)"),
            block("2001:db8::/32", "IPv6 documentation space (2001:db8::/32)"),
            block("3fff::/20", "IPv6 documentation space (3fff::/20)"),
            block("5f00::/16", "IPv6 segment routing space (5f00::/16)"),
            block("fc00::/7", "an IPv6 unique local address (fc00::/7), a private network"),
            block("fe80::/10", "IPv6 link-local (fe80::/10)"),
            block("fec0::/10", "IPv6 site-local (fec0::/10)"),
            block("ff00::/8", "IPv6 multicast (ff00::/8)"));

    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
    private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3");

    private InternalAddresses() {
    }

    private static Block block(String cidr, String why) {
        return new Block(Cidr.parse(cidr), why);
    }

    /** Why the address is not a public internet address, or empty when it is one. */
    static Optional<String> why(InetAddress address) {
        return why(address.getAddress());
    }

    private static Optional<String> why(byte[] address) {
        for (Block block : BLOCKS) {
            if (block.cidr().contains(address)) {
                return Optional.of(block.why());
            }
        }
        if (address.length == 4) {
            return Optional.empty();
        }
        if (SIX_TO_FOUR.contains(address)) {
            byte[] embedded = Arrays.copyOfRange(address, 2, 6);
            return why(embedded).map(inner -> "a 6to4 address carrying " + text(embedded) + ", which is " + inner);
        }
        return GLOBAL_UNICAST.contains(address) ? Optional.empty()
                : Optional.of("outside the IPv6 global unicast range 2000::/3");
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

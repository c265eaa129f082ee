package io.hookline.endpoint.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile webhook URLs, each refused at save time with a message that says why. Names resolve through a map, never
 * DNS: {@code *.attacker.example} names stand for a tenant's own DNS zone pointing inside our network.
 */
class TargetPolicyTest {

    private final Map<String, List<InetAddress>> dns = new HashMap<>();
    private final TargetPolicy policy = policy(Optional.empty());

    TargetPolicyTest() throws Exception {
        dns.put("public.example", List.of(ip("93.184.216.34")));
        dns.put("xn--bcher-kva.example", List.of(ip("93.184.216.35")));
        dns.put("localhost", List.of(ip("127.0.0.1")));
        dns.put("intranet", List.of(ip("10.0.0.2")));
        dns.put("loopback.attacker.example", List.of(ip("127.0.0.1")));
        dns.put("internal.attacker.example", List.of(ip("10.0.0.5")));
        dns.put("metadata.attacker.example", List.of(ip("169.254.169.254")));
        dns.put("ula.attacker.example", List.of(ip("fd12::1")));
        dns.put("mixed.attacker.example", List.of(ip("93.184.216.34"), ip("192.168.1.1")));
        dns.put("mapped.attacker.example", List.of(Inet6Address.getByAddress(null, mapped(10, 0, 0, 1), -1)));
        dns.put("nat64.attacker.example", List.of(ip("64:ff9b::a00:1")));
        dns.put("cgnat.attacker.example", List.of(ip("100.100.100.100")));
        dns.put("xn--bcher-kva.attacker.example", List.of(ip("10.0.0.9")));
    }

    static Stream<Arguments> hostileUrls() {
        return Stream.of(
                // scheme, shape and characters
                refused("http://93.184.216.34/hook", "https://"),
                refused("ftp://93.184.216.34/", "https://"),
                refused("HTTP://public.example/", "https://"),
                refused("javascript:alert(1)", "https://"),
                refused("https:public.example/hook", "https://"),
                refused("//public.example/hook", "https://"),
                refused("/relative/hook", "https://"),
                refused("https:///nohost", "must name a host"),
                refused("", "missing"),
                refused("   ", "missing"),
                refused("https://user:pw@public.example/", "user name or password"),
                refused("https://user@public.example/", "user name or password"),
                refused("https://public.example@127.0.0.1/", "user name or password"),
                refused("https://public.example\\@127.0.0.1/", "backslashes"),
                refused("https://public.example /hook", "spaces"),
                refused("https://127.0.0.1\t/hook", "control characters"),
                refused("https://public.example/\r\nX-Injected: 1", "control characters"),
                refused("https://public.example\u00a0/hook", "spaces"),
                refused("https://public.example:0/", "port"),
                refused("https://public.example:70000/", "port"),
                refused("https://public.example:-1/", "port"),
                refused("https://%31%32%37.0.0.1/", "percent-encoded"),
                // loopback in every spelling
                refused("https://127.0.0.1/hook", "loopback"),
                refused("https://127.1/", "loopback"),
                refused("https://127.0.1/", "loopback"),
                refused("https://2130706433/", "loopback"),
                refused("https://0x7f000001/", "loopback"),
                refused("https://0X7F.0x0.0x0.0x1/", "loopback"),
                refused("https://0177.0.0.1/", "loopback"),
                refused("https://017700000001/", "loopback"),
                refused("https://127.000.000.001/", "loopback"),
                refused("https://127.0.0.1./", "loopback"),
                refused("https://127.0.0.1:8443/", "loopback"),
                refused("https://\uff11\uff12\uff17.\uff10.\uff10.\uff11/", "loopback"),
                refused("https://127\u30020\u30020\u30021/", "loopback"),
                refused("https://LOCALHOST/", "fully qualified"),
                refused("https://localhost./", "fully qualified"),
                refused("https://intranet/", "fully qualified"),
                refused("https://[::1]/", "loopback"),
                refused("https://[0:0:0:0:0:0:0:1]:8443/", "loopback"),
                refused("https://[::ffff:127.0.0.1]/", "loopback"),
                refused("https://[::ffff:7f00:1]/", "loopback"),
                refused("https://[::127.0.0.1]/", "IPv4-compatible"),
                refused("https://[::]/", "unspecified"),
                refused("https://0.0.0.0/", "this network"),
                refused("https://0/", "this network"),
                // private, link-local, metadata, carrier-grade NAT, special-purpose IPv4
                refused("https://10.0.0.1/", "private network"),
                refused("https://10.1/", "private network"),
                refused("https://0xa000001/", "private network"),
                refused("https://172.16.5.4/", "private network"),
                refused("https://172.31.255.255/", "private network"),
                refused("https://192.168.0.1/", "private network"),
                refused("https://3232235521/", "private network"),
                refused("https://169.254.169.254/latest/meta-data/", "metadata"),
                refused("https://0xa9fea9fe/", "metadata"),
                refused("https://169.254.1.1/", "link-local"),
                refused("https://100.64.0.1/", "carrier-grade NAT"),
                refused("https://100.127.255.254/", "carrier-grade NAT"),
                refused("https://224.0.0.1/", "multicast"),
                refused("https://239.255.255.250/", "multicast"),
                refused("https://255.255.255.255/", "broadcast"),
                refused("https://240.0.0.1/", "reserved"),
                refused("https://192.0.2.10/", "documentation"),
                refused("https://198.51.100.7/", "documentation"),
                refused("https://203.0.113.9/", "documentation"),
                refused("https://198.18.0.1/", "benchmarking"),
                refused("https://198.19.255.1/", "benchmarking"),
                refused("https://192.0.0.8/", "IETF protocol"),
                refused("https://192.88.99.1/", "6to4 relay"),
                // IPv6 ranges and the forms that carry IPv4 inside
                refused("https://[fd00::1]/", "unique local"),
                refused("https://[FC00::1]/", "unique local"),
                refused("https://[fd00:ec2::254]/", "unique local"),
                refused("https://[fe80::1]/", "link-local"),
                refused("https://[fe80::1%25eth0]/", "zone"),
                refused("https://[fec0::1]/", "site-local"),
                refused("https://[ff02::1]/", "multicast"),
                refused("https://[::ffff:10.0.0.1]/", "private network"),
                refused("https://[::ffff:a9fe:a9fe]/", "metadata"),
                refused("https://[64:ff9b::a9fe:a9fe]/", "NAT64"),
                refused("https://[64:ff9b::7f00:1]/", "NAT64"),
                refused("https://[64:ff9b:1::a00:1]/", "NAT64"),
                refused("https://[2002:7f00:1::]/", "6to4 address carrying 127.0.0.1"),
                refused("https://[2002:c0a8:101::1]/", "6to4 address carrying 192.168.1.1"),
                refused("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "Teredo"),
                refused("https://[2001:db8::1]/", "documentation"),
                refused("https://[100::1]/", "discard"),
                refused("https://[2001:2::1]/", "benchmarking"),
                refused("https://[::ffff:0:7f00:1]/", "global unicast"),
                refused("https://[1::1]/", "global unicast"),
                refused("https://[127.0.0.1]/", "Malformed IPv6"),
                refused("https://[::1/", "not valid"),
                // numbers that are no address at all
                refused("https://256.0.0.1/", "not a valid one"),
                refused("https://1.2.3.4.5/", "not a valid one"),
                refused("https://0x100000000/", "not a valid one"),
                refused("https://example.123/", "not a valid one"),
                refused("https://08.0.0.1/", "not a valid one"),
                refused("https://-1.0.0.1/", "not a valid host name"),
                // names that resolve inside (a tenant controls its own DNS)
                refused("https://loopback.attacker.example/hook", "resolves to 127.0.0.1"),
                refused("https://LOOPBACK.Attacker.Example./hook", "resolves to 127.0.0.1"),
                refused("https://internal.attacker.example/", "resolves to 10.0.0.5"),
                refused("https://metadata.attacker.example/", "metadata"),
                refused("https://ula.attacker.example/", "unique local"),
                refused("https://mixed.attacker.example/", "resolves to 192.168.1.1"),
                refused("https://mapped.attacker.example/", "IPv4-mapped"),
                refused("https://nat64.attacker.example/", "NAT64"),
                refused("https://cgnat.attacker.example/", "carrier-grade NAT"),
                refused("https://b\u00fccher.attacker.example/", "resolves to 10.0.0.9"),
                refused("https://nowhere.example/", "cannot be resolved"),
                refused("https://under_score.example/", "not a valid host name"),
                refused("https://-bad.example/", "not a valid host name"),
                refused("https://a..b.example/", "not a valid host name"));
    }

    private static Arguments refused(String url, String why) {
        return Arguments.of(url, why);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostileUrls")
    void hostileUrlIsRefusedSayingWhy(String url, String why) {
        UnsafeTargetException refused = assertThrows(UnsafeTargetException.class, () -> policy.requireSafe(url), url);
        assertTrue(refused.getMessage().contains(why), () -> url + " -> " + refused.getMessage());
    }

    @Test
    void theTableIsLong() {
        assertTrue(hostileUrls().count() >= 60);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://public.example/hook", "https://PUBLIC.example./hook", "https://93.184.216.34/",
            "https://[2606:4700::1111]/", "https://public.example:8443/x?y=1", "https://b\u00fccher.example/",
            "https://[2002:5db8:d822::1]/"})
    void publicUrlsAreAccepted(String url) {
        policy.requireSafe(url);
    }

    @Test
    void theConnectionGoesToTheAddressesChecked() throws Exception {
        SafeTarget target = policy.resolveSafe("https://B\u00fccher.example:8443/in/box?x=1#frag");
        assertEquals(List.of(ip("93.184.216.35")), target.addresses());
        assertEquals("xn--bcher-kva.example", target.url().host());
        assertEquals("xn--bcher-kva.example:8443", target.url().hostHeader());
        assertEquals("/in/box?x=1", target.url().requestTarget());
        assertEquals("[2606:4700:0:0:0:0:0:1111]", policy.resolveSafe("https://[2606:4700::1111]").url().hostHeader());
    }

    /** DNS rebinding: the name was public when the endpoint was saved, and points inside when it is time to send. */
    @Test
    void aNameThatTurnsPrivateAfterSavingIsRefusedAtSendTime() throws Exception {
        dns.put("rebind.attacker.example", List.of(ip("93.184.216.34")));
        policy.requireSafe("https://rebind.attacker.example/hook");
        dns.put("rebind.attacker.example", List.of(ip("127.0.0.1")));
        UnsafeTargetException refused = assertThrows(UnsafeTargetException.class,
                () -> policy.resolveSafe("https://rebind.attacker.example/hook"));
        assertTrue(refused.getMessage().contains("resolves to 127.0.0.1"), refused.getMessage());
    }

    @Test
    void anAllowListOpensChosenBlocksOnly() {
        TargetPolicy open = policy(Optional.of("10.20.0.0/16, fd00:1::/64"));
        open.requireSafe("https://10.20.1.1/hook");
        open.requireSafe("https://[fd00:1::5]/hook");
        assertThrows(UnsafeTargetException.class, () -> open.requireSafe("https://10.21.0.1/hook"));
        assertThrows(UnsafeTargetException.class, () -> open.requireSafe("https://[fd00:2::5]/hook"));
        assertThrows(UnsafeTargetException.class, () -> open.requireSafe("http://10.20.1.1/hook"), "still https only");
    }

    @Test
    void aBadAllowListStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> policy(Optional.of("10.0.0.0/33")));
        assertThrows(IllegalStateException.class, () -> policy(Optional.of("intranet.example/8")));
    }

    private TargetPolicy policy(Optional<String> allowedCidrs) {
        TargetPolicy target = new TargetPolicy();
        target.resolver = host -> Optional.ofNullable(dns.get(host)).orElseThrow(() -> new UnknownHostException(host));
        target.allowedCidrsText = allowedCidrs;
        target.init();
        return target;
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    private static byte[] mapped(int a, int b, int c, int d) {
        return new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) a, (byte) b, (byte) c, (byte) d};
    }
}

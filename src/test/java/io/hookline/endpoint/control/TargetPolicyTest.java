package io.hookline.endpoint.control;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetPolicyTest {

    private final TargetPolicy policy = new TargetPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1", "::"})
    void internalAddressesAreRecognised(String address) throws Exception {
        assertTrue(TargetPolicy.isInternal(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111"})
    void publicAddressesAreNot(String address) throws Exception {
        assertFalse(TargetPolicy.isInternal(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hook", "ftp://93.184.216.34/", "https://user:pw@93.184.216.34/",
            "https:///nohost", "not a url", "/relative", "https://127.0.0.1/hook", "https://[::1]/hook", "https://10.0.0.8/"})
    void unsafeUrlsAreRefused(String url) {
        assertThrows(UnsafeTargetException.class, () -> policy.requireSafe(url), url);
    }
}

package io.hookline.endpoint.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into addresses; a seam so tests can make names resolve anywhere without DNS. */
public interface HostResolver {

    /** @throws UnknownHostException when the name has no address */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}

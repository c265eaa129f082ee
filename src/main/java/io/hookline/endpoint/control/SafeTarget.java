package io.hookline.endpoint.control;

import java.net.InetAddress;
import java.util.List;

/** A URL and the addresses it resolved to, every one of them checked: connect to these, never resolve again. */
public record SafeTarget(TargetUrl url, List<InetAddress> addresses) {
}

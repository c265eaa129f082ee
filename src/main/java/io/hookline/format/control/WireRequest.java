package io.hookline.format.control;

import java.util.Map;

/** A rendered request: the headers (in the order they are sent) and the body. */
public record WireRequest(Map<String, String> headers, String body) {
}

package io.hookline.format.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** One wire format: its body, and the headers that name and sign the event. */
interface Renderer {

    /** The same for every attempt at a delivery and for every resend of the event. */
    String body(WireEvent event);

    /**
     * @param secrets the current secret first, then the previous one during a rotation's grace period; empty when
     *                the endpoint does not sign
     * @param now     the time of this attempt, for formats that sign a timestamp
     */
    Map<String, String> headers(WireEvent event, String deliveryId, String body, List<String> secrets, OffsetDateTime now);
}

package io.hookline.format.control;

import io.hookline.format.entity.WireFormat;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders an event in an endpoint's wire format, with the headers every format shares. */
public final class WireFormats {

    private static final Map<WireFormat, Renderer> RENDERERS = Map.of(
            WireFormat.TOOLBAG, new ToolbagRenderer(),
            WireFormat.CUSTOMERMATES, new CustomermatesRenderer(),
            WireFormat.TONIC_DESK, new TonicDeskRenderer(),
            WireFormat.JOB_SYNC, new JobSyncRenderer(),
            WireFormat.STANDARD_WEBHOOKS, new StandardWebhooksRenderer());

    private WireFormats() {
    }

    public static String body(WireFormat format, WireEvent event) {
        return RENDERERS.get(format).body(event);
    }

    /**
     * @param secrets the current secret first, then the previous one during a rotation's grace period; empty when
     *                the endpoint does not sign
     */
    public static WireRequest render(WireFormat format, WireEvent event, String deliveryId, List<String> secrets,
                                     OffsetDateTime now) {
        Renderer renderer = RENDERERS.get(format);
        String body = renderer.body(event);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", UserAgent.VALUE);
        headers.putAll(renderer.headers(event, deliveryId, body, secrets, now));
        return new WireRequest(headers, body);
    }
}

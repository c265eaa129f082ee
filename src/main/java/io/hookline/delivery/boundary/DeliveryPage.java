package io.hookline.delivery.boundary;

import io.hookline.delivery.control.Deliveries;
import io.hookline.delivery.control.Resends;
import io.hookline.delivery.entity.Attempt;
import io.hookline.delivery.entity.Delivery;
import io.hookline.platform.PageMessages;
import io.hookline.platform.ProblemException;
import io.hookline.tenant.boundary.AdminActions;
import io.hookline.tenant.boundary.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import jakarta.json.JsonString;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One delivery as GET /api/v1/deliveries/{id} shows it: the body sent, every attempt with its headers (signatures,
 * never the secret), status, duration, response excerpt and error, and the next retry; resend from here.
 */
@Named
@RequestScoped
public class DeliveryPage {

    @Inject
    Deliveries deliveries;

    @Inject
    Resends resends;

    @Inject
    SignedIn signedIn;

    @Inject
    AdminActions actions;

    private String id;
    private DeliveryView delivery;

    /** View action: 404 for an id of another tenant or of none. */
    public void load() {
        if (!signedIn.platformOpen()) {
            return;
        }
        try {
            Delivery found = deliveries.find(signedIn.tenantId(), id);
            List<Attempt> attempts = deliveries.attempts(found);
            delivery = DeliveryView.detail(found, attempts, deliveries.request(found, attempts));
        } catch (ProblemException missing) {
            PageMessages.respondWith(missing);
        }
    }

    public String resend() {
        return actions.change(tenant -> resends.resend(tenant, id)).map(resent -> {
            PageMessages.info("Resent as a new delivery (same event id); this is it.");
            return "/admin/delivery.xhtml?faces-redirect=true&id=" + resent.id();
        }).orElse(null);
    }

    /** The headers of an attempt as name and value pairs, for a definition list. */
    public Map<String, String> headers(DeliveryView.AttemptView attempt) {
        return attempt.requestHeaders().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                header -> ((JsonString) header.getValue()).getString(), (first, second) -> first, TreeMap::new));
    }

    public DeliveryView delivery() {
        return delivery;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}

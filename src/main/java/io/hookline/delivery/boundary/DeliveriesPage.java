package io.hookline.delivery.boundary;

import io.hookline.delivery.control.Deliveries;
import io.hookline.delivery.control.DeliveryQuery;
import io.hookline.delivery.control.Resends;
import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.event.control.EventCatalog;
import io.hookline.platform.Page;
import io.hookline.platform.PageMessages;
import io.hookline.tenant.boundary.AdminActions;
import io.hookline.tenant.boundary.SignedIn;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Delivery history across endpoints or of one: the filters of GET /api/v1/deliveries (status, event type, a search
 * over URL and event name) as view parameters, so every filtered page has its own address and works without
 * JavaScript; cursor paging; resend from the list.
 */
@Named
@ViewScoped
public class DeliveriesPage implements Serializable {

    private static final int PAGE_SIZE = 25;

    @Inject
    transient Deliveries deliveries;

    @Inject
    transient Resends resends;

    @Inject
    transient EventCatalog catalog;

    @Inject
    transient SignedIn signedIn;

    @Inject
    transient AdminActions actions;

    private String endpoint;
    private DeliveryStatus status;
    private String type;
    private String search;
    private String cursor;
    private Page<DeliveryView> page = new Page<>(List.of(), null);

    /** View action. */
    public void load() {
        if (signedIn.platformOpen()) {
            page = deliveries.search(signedIn.tenantId(), new DeliveryQuery(blankToNull(endpoint), blankToNull(type), status,
                    null, null, blankToNull(search), blankToNull(cursor), PAGE_SIZE)).map(DeliveryView::summary);
        }
    }

    /** Applies the filters: back to the first page, with the filters in the address. */
    public String filter() {
        cursor = null;
        return "/admin/deliveries.xhtml?faces-redirect=true&includeViewParams=true";
    }

    public String resend(String deliveryId) {
        return actions.change(tenant -> resends.resend(tenant, deliveryId)).map(resent -> {
            PageMessages.info("Resent as a new delivery " + resent.id() + " (same event id).");
            return "/admin/deliveries.xhtml?faces-redirect=true&includeViewParams=true";
        }).orElse(null);
    }

    public List<String> eventTypes() {
        return catalog.all().stream().map(EventCatalog.EventType::name).toList();
    }

    public DeliveryStatus[] statuses() {
        return DeliveryStatus.values();
    }

    public Page<DeliveryView> page() {
        return page;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public void setStatus(DeliveryStatus status) {
        this.status = status;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }
}

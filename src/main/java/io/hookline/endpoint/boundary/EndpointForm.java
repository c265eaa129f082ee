package io.hookline.endpoint.boundary;

import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.control.TargetPolicy;
import io.hookline.endpoint.control.UnsafeTargetException;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.control.EventCatalog;
import io.hookline.format.entity.WireFormat;
import io.hookline.platform.PageMessages;
import io.hookline.platform.ProblemException;
import io.hookline.tenant.boundary.AdminActions;
import io.hookline.tenant.boundary.SignedIn;
import jakarta.faces.context.Flash;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Add or edit an endpoint: name, HTTPS URL, description and the events, picked from the catalog grouped by entity.
 * The rules are the API's (Endpoints and TargetPolicy); their refusals appear next to the field they are about.
 * A new endpoint's secret is shown once, on the endpoint page this form redirects to.
 */
@Named
@ViewScoped
public class EndpointForm implements Serializable {

    /** The catalog's types of one entity, for one group of checkboxes. */
    public record EventGroup(String entity, List<EventCatalog.EventType> types) {
    }

    @Inject
    transient Endpoints endpoints;

    @Inject
    transient TargetPolicy targets;

    @Inject
    transient EventCatalog catalog;

    @Inject
    transient SignedIn signedIn;

    @Inject
    transient AdminActions actions;

    @Inject
    transient Flash flash;

    private String id;
    private String name;
    private String url;
    private String description;
    private boolean allEvents;
    private String format = WireFormat.TOOLBAG.id();
    private boolean signed = true;
    private final Map<String, Boolean> selected = new TreeMap<>();

    /** View action: an edit starts from the endpoint as it is. */
    public void load() {
        if (id == null || id.isBlank() || !signedIn.platformOpen()) {
            return;
        }
        try {
            EndpointView endpoint = EndpointView.of(endpoints.find(signedIn.tenantId(), id));
            name = endpoint.name();
            url = endpoint.url();
            description = endpoint.description();
            allEvents = endpoint.events().contains(Endpoints.ALL_EVENTS);
            format = endpoint.format();
            signed = endpoint.signed();
            endpoint.events().forEach(type -> selected.put(type, true));
        } catch (ProblemException missing) {
            PageMessages.respondWith(missing);
        }
    }

    public List<EventGroup> groups() {
        Map<String, List<EventCatalog.EventType>> byEntity = new LinkedHashMap<>();
        catalog.all().stream().filter(type -> !type.name().equals(EventCatalog.TEST_EVENT))
                .forEach(type -> byEntity.computeIfAbsent(type.entity(), entity -> new ArrayList<>()).add(type));
        return byEntity.entrySet().stream().map(group -> new EventGroup(group.getKey(), group.getValue())).toList();
    }

    /** The wire formats a receiver may expect, by their API names. */
    public List<String> formats() {
        return Arrays.stream(WireFormat.values()).map(WireFormat::id).toList();
    }

    public String save() {
        List<String> events = allEvents ? List.of(Endpoints.ALL_EVENTS)
                : selected.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        if (!checkedUpFront(events)) {
            return null;
        }
        String text = description == null || description.isBlank() ? null : description.trim();
        Optional<Saved> saved = actions.change(tenant -> editing()
                ? Saved.of(endpoints.update(tenant, id, new Endpoints.Changes(name, url, text == null ? "" : text, events, format, signed)))
                : Saved.created(endpoints.create(tenant, new Endpoints.Draft(name, url, text, events, null, true, format, signed))),
                EndpointForm::fieldOf);
        return saved.map(result -> {
            if (result.secretIssued()) {
                flash.put(EndpointPage.NEW_SECRET, result.endpoint().secret());
            }
            PageMessages.info(editing() ? "Endpoint saved." : "Endpoint added.");
            return "/admin/endpoint.xhtml?faces-redirect=true&id=" + result.endpoint().id();
        }).orElse(null);
    }

    /** What a save leaves: the endpoint, and whether it has a secret to show once (new, or signing switched on). */
    private record Saved(Endpoint endpoint, boolean secretIssued) {

        static Saved created(Endpoint endpoint) {
            return new Saved(endpoint, endpoint.isSigned());
        }

        static Saved of(Endpoints.Updated updated) {
            return new Saved(updated.endpoint(), updated.secretIssued());
        }
    }

    /** The URL rule and the events rule checked together, so one save shows every field that needs fixing. */
    private boolean checkedUpFront(List<String> events) {
        boolean valid = true;
        try {
            targets.requireSafe(url);
        } catch (UnsafeTargetException unsafe) {
            PageMessages.error("endpoint:url", unsafe.getMessage());
            valid = false;
        }
        if (events.isEmpty()) {
            PageMessages.error("endpoint:events", "Choose at least one event, or all events.");
            valid = false;
        }
        return valid;
    }

    private static String fieldOf(ProblemException problem) {
        if (problem instanceof UnsafeTargetException) {
            return "endpoint:url";
        }
        String message = problem.getMessage();
        if (message.startsWith("format:") || message.startsWith("signed:")) {
            return "endpoint:format";
        }
        return message.startsWith("events:") ? "endpoint:events" : null;
    }

    public boolean editing() {
        return id != null && !id.isBlank();
    }

    public Map<String, Boolean> getSelected() {
        return selected;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public boolean isSigned() {
        return signed;
    }

    public void setSigned(boolean signed) {
        this.signed = signed;
    }

    public boolean isAllEvents() {
        return allEvents;
    }

    public void setAllEvents(boolean allEvents) {
        this.allEvents = allEvents;
    }
}

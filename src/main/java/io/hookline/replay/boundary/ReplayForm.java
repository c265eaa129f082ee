package io.hookline.replay.boundary;

import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.event.control.EventCatalog;
import io.hookline.platform.PageMessages;
import io.hookline.platform.ProblemException;
import io.hookline.replay.control.ReplayFilter;
import io.hookline.replay.control.ReplayJobs;
import io.hookline.replay.control.Replays;
import io.hookline.tenant.boundary.AdminActions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * "Replay" on the endpoint page: the same calls as POST /api/v1/endpoints/{id}/replays, with or without a dry run.
 * The filter's rules are the API's ({@link Replays#filter}); their refusals appear next to the field they are about.
 * The browser's date-time fields carry no zone: the page reads them as UTC and says so.
 */
@Named
@ViewScoped
public class ReplayForm implements Serializable {

    @Inject
    transient Replays replays;

    @Inject
    transient ReplayJobs jobs;

    @Inject
    transient EventCatalog catalog;

    @Inject
    transient AdminActions actions;

    private String since;
    private String until;
    private String status = DeliveryStatus.FAILED.name();
    private boolean includeMissed;
    private final Map<String, Boolean> selected = new TreeMap<>();
    private Long matched;

    /** Dry run: how many events a replay with this filter would send; nothing starts. */
    public void count(String endpointId) {
        matched = actions.change(tenant -> replays.count(tenant, endpointId, filter()), ReplayForm::fieldOf).orElse(null);
    }

    public String start(String endpointId) {
        return actions.change(tenant -> jobs.start(tenant, endpointId, filter()), ReplayForm::fieldOf).map(replay -> {
            PageMessages.info("Replay started: " + replay.total() + " events to send again.");
            return "/admin/replays.xhtml?faces-redirect=true";
        }).orElse(null);
    }

    private ReplayFilter filter() {
        List<String> types = selected.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        return replays.filter(utc("since", since), utc("until", until), status, types, includeMissed);
    }

    /** A datetime-local value (no zone, seconds optional) as a UTC instant; null when left empty. */
    private static OffsetDateTime utc(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException malformed) {
            throw ProblemException.badRequest(field + ": must be a date and time (UTC) such as 2026-03-03T14:30");
        }
    }

    private static String fieldOf(ProblemException problem) {
        String message = problem.getMessage();
        return Stream.of("since", "until", "status", "eventTypes").filter(field -> message.startsWith(field + ":"))
                .findFirst().map(field -> "replay:" + field).orElse(null);
    }

    /** The event types to narrow a replay to: those the endpoint subscribes to, or the whole catalog for all events. */
    public List<String> eventTypes(List<String> subscribed) {
        return subscribed.contains(Endpoints.ALL_EVENTS)
                ? catalog.all().stream().map(EventCatalog.EventType::name)
                        .filter(type -> !type.equals(EventCatalog.TEST_EVENT)).toList()
                : subscribed.stream().sorted().toList();
    }

    /** The final delivery statuses a replay picks by, and ALL; PENDING deliveries are still on their way. */
    public List<String> statuses() {
        return Stream.concat(Stream.of(DeliveryStatus.values()).filter(s -> s != DeliveryStatus.PENDING).map(Enum::name),
                Stream.of(ReplayFilter.ALL)).toList();
    }

    public Long matched() {
        return matched;
    }

    public Map<String, Boolean> getSelected() {
        return selected;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public boolean isIncludeMissed() {
        return includeMissed;
    }

    public void setIncludeMissed(boolean includeMissed) {
        this.includeMissed = includeMissed;
    }
}

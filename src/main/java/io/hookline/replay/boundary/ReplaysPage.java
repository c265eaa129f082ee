package io.hookline.replay.boundary;

import io.hookline.endpoint.control.Endpoints;
import io.hookline.platform.Page;
import io.hookline.platform.PageMessages;
import io.hookline.platform.ProblemException;
import io.hookline.replay.control.ReplayJobs;
import io.hookline.replay.control.Replays;
import io.hookline.tenant.boundary.AdminActions;
import io.hookline.tenant.boundary.SignedIn;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tenant's replays, newest first, as GET /api/v1/replays lists them: filter, status and progress; stop a running
 * one, restart a stopped or failed one. While one runs the page reloads itself (a meta refresh, no JavaScript).
 */
@Named
@ViewScoped
public class ReplaysPage implements Serializable {

    private static final int PAGE_SIZE = 25;
    private static final String SELF = "/admin/replays.xhtml?faces-redirect=true&includeViewParams=true";

    @Inject
    transient Replays replays;

    @Inject
    transient ReplayJobs jobs;

    @Inject
    transient Endpoints endpoints;

    @Inject
    transient SignedIn signedIn;

    @Inject
    transient AdminActions actions;

    private String cursor;
    private Page<ReplayView> page = new Page<>(List.of(), null);
    private final Map<String, String> endpointNames = new HashMap<>();

    /** View action. */
    public void load() {
        if (signedIn.platformOpen()) {
            page = replays.list(signedIn.tenantId(), cursor, PAGE_SIZE).map(ReplayView::of);
        }
    }

    public String stop(String replayId) {
        return change(tenant -> replays.stop(tenant, replayId), "Stopping the replay: it stops after its current chunk.");
    }

    public String restart(String replayId) {
        return change(tenant -> jobs.restart(tenant, replayId), "Replay restarted: it continues after its checkpoint.");
    }

    private String change(Function<String, ?> change, String done) {
        return actions.change(change).map(changed -> {
            PageMessages.info(done);
            return SELF;
        }).orElse(null);
    }

    /** The endpoint's name, or null once it was deleted (its replays stay listed). */
    public String endpointName(String endpointId) {
        if (!endpointNames.containsKey(endpointId)) {
            String name;
            try {
                name = endpoints.find(signedIn.tenantId(), endpointId).name();
            } catch (ProblemException deleted) {
                name = null;
            }
            endpointNames.put(endpointId, name);
        }
        return endpointNames.get(endpointId);
    }

    /** Whether the page should reload itself to show progress. */
    public boolean anyActive() {
        return page.data().stream().anyMatch(replay -> replay.status().isActive());
    }

    public Page<ReplayView> page() {
        return page;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }
}

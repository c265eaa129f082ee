package io.hookline.endpoint.boundary;

import io.hookline.endpoint.control.Endpoints;
import io.hookline.platform.PageMessages;
import io.hookline.platform.ProblemException;
import io.hookline.tenant.boundary.AdminActions;
import io.hookline.tenant.boundary.SignedIn;
import jakarta.faces.context.Flash;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.function.Function;

/**
 * One endpoint and what an admin does to it: disable, enable (also after auto-disable), rotate the secret, delete
 * (after a confirmation step, without JavaScript). Each change redirects back (post-redirect-get); a new secret
 * travels in the flash, so it is rendered once and a reload shows it no more.
 */
@Named
@ViewScoped
public class EndpointPage implements Serializable {

    static final String NEW_SECRET = "newSecret";

    @Inject
    transient Endpoints endpoints;

    @Inject
    transient SignedIn signedIn;

    @Inject
    transient AdminActions actions;

    @Inject
    transient Flash flash;

    private String id;
    private EndpointView endpoint;
    private boolean confirmingDelete;

    /** View action: 404 (as the API answers) for an id of another tenant or of none. */
    public void load() {
        if (signedIn.platformOpen()) {
            try {
                endpoint = EndpointView.of(endpoints.find(signedIn.tenantId(), id));
            } catch (ProblemException missing) {
                PageMessages.respondWith(missing);
            }
        }
    }

    public String disable() {
        return change(tenant -> endpoints.disable(tenant, id), "Endpoint disabled: it receives nothing until enabled.");
    }

    public String enable() {
        return change(tenant -> endpoints.enable(tenant, id), "Endpoint enabled: waiting deliveries resume now.");
    }

    public String rotateSecret() {
        return actions.change(tenant -> endpoints.rotateSecret(tenant, id)).map(rotated -> {
            flash.put(NEW_SECRET, rotated.secret());
            PageMessages.info("New signing secret made. For a grace period (24 hours by default) requests are"
                    + " signed with the old one too.");
            return self();
        }).orElse(null);
    }

    public void askToDelete() {
        confirmingDelete = signedIn.mayChange();
    }

    public void cancelDelete() {
        confirmingDelete = false;
    }

    public String delete() {
        return actions.change(tenant -> {
            endpoints.delete(tenant, id);
            return id;
        }).map(deleted -> {
            PageMessages.info("Endpoint " + endpoint.name() + " deleted; its delivery history stays readable.");
            return "/admin/endpoints.xhtml?faces-redirect=true";
        }).orElse(null);
    }

    private String change(Function<String, ?> change, String done) {
        return actions.change(change).map(changed -> {
            PageMessages.info(done);
            return self();
        }).orElse(null);
    }

    private String self() {
        return "/admin/endpoint.xhtml?faces-redirect=true&id=" + id;
    }

    public String newSecret() {
        return (String) flash.get(NEW_SECRET);
    }

    public EndpointView endpoint() {
        return endpoint;
    }

    public boolean confirmingDelete() {
        return confirmingDelete;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}

package io.hookline.endpoint.boundary;

import io.hookline.endpoint.control.Endpoints;
import io.hookline.platform.Page;
import io.hookline.tenant.boundary.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Settings → Developer Platform: the tenant's endpoints, as GET /api/v1/endpoints lists them, a page at a time. */
@Named
@RequestScoped
public class EndpointsPage {

    private static final int PAGE_SIZE = 50;

    @Inject
    Endpoints endpoints;

    @Inject
    SignedIn signedIn;

    private String cursor;
    private Page<EndpointView> page;

    public Page<EndpointView> page() {
        if (page == null) {
            page = signedIn.platformOpen()
                    ? endpoints.list(signedIn.tenantId(), cursor, PAGE_SIZE).map(EndpointView::of)
                    : new Page<>(List.of(), null);
        }
        return page;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }
}

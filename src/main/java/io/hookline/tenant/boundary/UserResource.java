package io.hookline.tenant.boundary;

import io.hookline.platform.RequestBodies;
import io.hookline.tenant.control.Users;
import io.hookline.tenant.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * The people who may sign in to the calling tenant's admin pages. Account settings, like API keys, so outside the
 * Developer Platform feature gate; viewers list, admins add users (the password is chosen here and never shown again).
 */
@Path("v1/users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    RequestBodies bodies;

    @Inject
    Users users;

    @Inject
    CurrentTenant tenant;

    @GET
    public List<UserView> list() {
        return users.list(tenant.id()).stream().map(UserView::of).toList();
    }

    @POST
    public Response add(NewUserRequest request, @Context UriInfo uri) {
        bodies.valid(request);
        User user = users.create(tenant.id(), request.username().trim(), request.password(), request.toRole());
        return Response.created(uri.getAbsolutePathBuilder().path(user.id()).build()).entity(UserView.of(user)).build();
    }
}

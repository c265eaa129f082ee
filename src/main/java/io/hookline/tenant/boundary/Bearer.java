package io.hookline.tenant.boundary;

import io.hookline.platform.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/** The {@code Authorization: Bearer <key>} scheme shared by tenant and operator keys. */
final class Bearer {

    private static final String PREFIX = "Bearer ";

    private Bearer() {
    }

    static Optional<String> token(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return header != null && header.startsWith(PREFIX)
                ? Optional.of(header.substring(PREFIX.length()).trim()).filter(token -> !token.isEmpty())
                : Optional.empty();
    }

    static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response forbidden(String detail) {
        return Problem.of(Response.Status.FORBIDDEN, detail).toResponse();
    }
}

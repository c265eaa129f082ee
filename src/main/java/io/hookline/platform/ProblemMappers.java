package io.hookline.platform;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.persistence.OptimisticLockException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Every failure leaves the API as application/problem+json; unexpected ones are logged, never echoed. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    static Response toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ProblemException problem) {
            return problem.problem().toResponse();
        }
        if (cause instanceof ConstraintViolationException invalid) {
            String detail = invalid.getConstraintViolations().stream()
                    .map(ProblemMappers::describe).sorted().collect(Collectors.joining("; "));
            return Problem.of(Response.Status.BAD_REQUEST, detail).toResponse();
        }
        if (cause instanceof OptimisticLockException) {
            return Problem.of(Response.Status.CONFLICT, "The record was changed by someone else at the same time; read it again and retry.").toResponse();
        }
        if (isUnreadableJson(failure)) {
            return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON for this resource.").toResponse();
        }
        if (cause instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), status.getReasonPhrase()).toResponse();
        }
        LOG.log(Level.SEVERE, "Unexpected failure answering a request", failure);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged.").toResponse();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof EJBException || current instanceof jakarta.transaction.RollbackException
                || current instanceof jakarta.transaction.TransactionalException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isUnreadableJson(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof JsonbException || current instanceof JsonException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return (dot >= 0 ? path.substring(dot + 1) : path) + ": " + violation.getMessage();
    }

    @Provider
    public static class Any implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable failure) {
            return ProblemMappers.toResponse(failure);
        }
    }

    /** JAX-RS picks the closest mapper by type; these keep Jersey's own defaults from answering first. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException failure) {
            return ProblemMappers.toResponse(failure);
        }
    }

    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException failure) {
            return ProblemMappers.toResponse(failure);
        }
    }
}

package io.hookline.platform;

import jakarta.ws.rs.core.Response;

/** Thrown by any layer to answer the caller with a problem instead of a stack trace. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Response.Status status, String detail) {
        super(detail);
        this.problem = Problem.of(status, detail);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Response.Status.NOT_FOUND, what + " not found");
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Response.Status.CONFLICT, detail);
    }

    public Problem problem() {
        return problem;
    }
}

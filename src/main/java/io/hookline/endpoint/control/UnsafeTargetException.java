package io.hookline.endpoint.control;

import io.hookline.platform.ProblemException;
import jakarta.ws.rs.core.Response;

/** A webhook URL that may not be used; the message tells the admin why. */
public class UnsafeTargetException extends ProblemException {

    public UnsafeTargetException(String detail) {
        super(Response.Status.BAD_REQUEST, detail);
    }
}

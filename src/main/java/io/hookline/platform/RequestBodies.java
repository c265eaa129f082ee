package io.hookline.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Set;

/**
 * Checks a request body's constraints. Resources call this instead of annotating the body parameter with
 * {@code @Valid @NotNull}: Payara's OpenAPI generator fails on constraint annotations on entity parameters
 * (payara/Payara#7649), and a missing body deserves its own message.
 */
@ApplicationScoped
public class RequestBodies {

    @Inject
    Validator validator;

    public <T> T valid(T body) {
        if (body == null) {
            throw ProblemException.badRequest("A JSON body is required.");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}

package io.hookline.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Set;

/**
 * Checks a request body against its constraints (declared in META-INF/validation/constraints.xml, see there why).
 * Resources call this rather than annotating the body parameter with {@code @Valid @NotNull}, which Payara's OpenAPI
 * generator cannot digest (payara/Payara#7649); a missing body gets its own message.
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

package io.hookline.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/**
 * All resources live under /api; versions are part of each resource path (/api/v1/...).
 * <p>Resources are validated once, by Bean Validation's CDI interceptor (every resource is a CDI bean), not a second
 * time by Jersey: Payara Micro lacks the Jersey module that makes the two share the work, so both ran on every call
 * (the bench's profile under imports of ten: 5.6% of the server's CPU in validation, 3.4% in Jersey's round).
 * A violation is a {@code ConstraintViolationException} either way, which {@link ProblemMappers} answers.
 */
@ApplicationPath("api")
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.beanValidation.disable.server", true);
    }
}

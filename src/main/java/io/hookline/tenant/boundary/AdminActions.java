package io.hookline.tenant.boundary;

import io.hookline.platform.PageMessages;
import io.hookline.platform.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.function.Function;

/**
 * Every change made from the admin pages goes through here: it runs for the signed-in user's tenant only, only for
 * an admin of a tenant whose page is open, and a refusal of the control layer becomes a message on the page, just as
 * the API answers it with a problem. Pages hide what a viewer may not do; this is the check that counts.
 */
@RequestScoped
public class AdminActions {

    @Inject
    SignedIn signedIn;

    /** Runs {@code change} with the tenant id; empty when it was refused (the reason is on the page). */
    public <T> Optional<T> change(Function<String, T> change) {
        return change(change, problem -> null);
    }

    /** As {@link #change(Function)}, with a refusal's message placed next to the field {@code fieldOf} names. */
    public <T> Optional<T> change(Function<String, T> change, Function<ProblemException, String> fieldOf) {
        if (!signedIn.platformOpen()) {
            PageMessages.error(null, "The Developer Platform is not open for this account.");
            return Optional.empty();
        }
        if (!signedIn.mayChange()) {
            PageMessages.error(null, "Your role (" + signedIn.role() + ") may look but not change anything here.");
            return Optional.empty();
        }
        try {
            return Optional.of(change.apply(signedIn.tenantId()));
        } catch (RuntimeException failure) {
            ProblemException problem = PageMessages.problemIn(failure).orElseThrow(() -> failure);
            PageMessages.error(fieldOf.apply(problem), problem.getMessage());
            return Optional.empty();
        }
    }
}

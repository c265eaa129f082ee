package io.hookline.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Messages of the admin pages: a control-layer refusal ({@link ProblemException}) shown where the API would have
 * answered a problem, next to the field it concerns or at the top of the page, and kept across the redirect that
 * follows every successful change.
 */
public final class PageMessages {

    private PageMessages() {
    }

    public static void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text);
    }

    /** @param clientId the field the message belongs to, or null for the page */
    public static void error(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text);
    }

    /** The problem behind a failure, if it is one: the transaction interceptor may have wrapped it. */
    public static Optional<ProblemException> problemIn(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof ProblemException problem) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }

    /** Answers the page request with the problem's status (404 for another tenant's id, as the API does). */
    public static void respondWith(ProblemException problem) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(problem.problem().status(), problem.getMessage());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        faces.responseComplete();
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(severity, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}

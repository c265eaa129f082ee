package io.hookline.tenant.boundary;

import io.hookline.platform.PageMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The sign-in form. On success Jakarta Security sends the user on to the page they first asked for (SEND_CONTINUE)
 * or, when they came straight here, we send them to the endpoints page. The session id changes at sign-in, so a
 * session id planted before it is worth nothing after.
 */
@Named
@RequestScoped
public class SignInPage {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    private String username;
    private String password;

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.getSession();
        request.changeSessionId();
        UsernamePasswordCredential credential = new UsernamePasswordCredential(username == null ? "" : username.trim(),
                new Password(password == null ? "" : password));
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(credential));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/admin/endpoints.xhtml");
            default -> PageMessages.error(null, "The user name or password is not right.");
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}

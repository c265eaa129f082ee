package io.hookline.tenant.boundary;

import io.hookline.tenant.control.Users;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Set;

/**
 * Sign-in to the admin pages (Jakarta Security): a Faces form ({@code /login.xhtml}, see {@link SignInPage}) checked
 * against {@link Users}. The caller's group is its role name; WEB-INF/glassfish-web.xml maps the groups to the roles
 * that web.xml requires for {@code /admin/*}, since Payara maps no group to a role by default. The REST API is not
 * affected: it has no security constraint and authenticates API keys itself.
 */
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"ADMIN", "VIEWER"})
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    @Inject
    Users users;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return users.authenticate(credential.getCaller(), credential.getPasswordAsString())
                .map(user -> new CredentialValidationResult(user.username(), Set.of(user.role().name())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}

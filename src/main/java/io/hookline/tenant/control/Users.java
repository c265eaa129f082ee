package io.hookline.tenant.control;

import io.hookline.platform.ProblemException;
import io.hookline.platform.Time;
import io.hookline.tenant.entity.Role;
import io.hookline.tenant.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The people who sign in to the admin pages. Passwords are hashed with the platform's PBKDF2 (Jakarta Security's
 * built-in {@link Pbkdf2PasswordHash}, its defaults: PBKDF2WithHmacSHA256, 2048 iterations, salted), never stored.
 */
@ApplicationScoped
@Transactional
public class Users {

    public static final int MIN_PASSWORD_LENGTH = 12;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    private volatile String noUserHash;

    public User create(String tenantId, String username, String password, Role role) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw ProblemException.badRequest("password: use at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (find(username).isPresent()) {
            throw ProblemException.conflict("The user name " + username + " is taken.");
        }
        User user = new User(tenantId, username, passwordHash.generate(password.toCharArray()), role, Time.now());
        em.persist(user);
        try {
            em.flush();
        } catch (PersistenceException raced) { // the same name created concurrently: the unique index says no
            throw ProblemException.conflict("The user name " + username + " is taken.");
        }
        return user;
    }

    /**
     * The user whose password this is; empty for an unknown name or a wrong password alike. An unknown name is
     * checked against a hash of nothing, so the answer takes as long and does not tell which names exist.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> authenticate(String username, String password) {
        Optional<User> user = find(username);
        boolean matches = passwordHash.verify(password.toCharArray(), user.map(User::passwordHash).orElseGet(this::noUserHash));
        return user.filter(found -> matches);
    }

    private String noUserHash() {
        if (noUserHash == null) {
            noUserHash = passwordHash.generate(UUID.randomUUID().toString().toCharArray());
        }
        return noUserHash;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> find(String username) {
        return em.createNamedQuery(User.BY_USERNAME, User.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<User> list(String tenantId) {
        return em.createNamedQuery(User.OF_TENANT, User.class).setParameter("tenant", tenantId).getResultList();
    }
}

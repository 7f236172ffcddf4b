package dev.vigil.storage;

import dev.vigil.model.Account;
import dev.vigil.model.LoginSession;
import java.time.Instant;
import java.util.Optional;

/**
 * Web UI accounts and their sign-in sessions. The store keeps what it is given: callers hash
 * passwords and session tokens before they get here, and pass the times (their clock decides
 * expiry, not the backend's).
 */
public interface AccountStore {

  /** @throws IllegalArgumentException when the username is taken */
  Account createAccount(String username, String passwordHash, Instant now);

  Optional<Account> findAccount(String username);

  /** True when at least one account exists (first start creates the admin otherwise). */
  boolean hasAccounts();

  /** @throws java.util.NoSuchElementException when there is no such account */
  void updatePassword(String username, String passwordHash, Instant now);

  void createSession(LoginSession session);

  /** The session stored under {@code tokenHash}, expired or not. */
  Optional<LoginSession> findSession(String tokenHash);

  /** Slides a session's expiry; does nothing when it no longer exists. */
  void touchSession(String tokenHash, Instant lastSeenAt, Instant expiresAt);

  /** @return false when there was no such session */
  boolean deleteSession(String tokenHash);

  /** Ends every session of one account (after a password change). @return how many */
  int deleteSessionsOf(String username);

  /** Removes sessions whose expiry is at or before {@code now}. @return how many */
  int deleteExpiredSessions(Instant now);
}

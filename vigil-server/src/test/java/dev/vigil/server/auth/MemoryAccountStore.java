package dev.vigil.server.auth;

import dev.vigil.model.Account;
import dev.vigil.model.LoginSession;
import dev.vigil.storage.AccountStore;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The AccountStore contract in memory, for unit tests of the sign-in logic (ITAccounts covers backends). */
final class MemoryAccountStore implements AccountStore {
  final Map<String, Account> accounts = new ConcurrentHashMap<>();
  final Map<String, LoginSession> sessions = new ConcurrentHashMap<>();
  int touches;

  @Override
  public Account createAccount(String username, String passwordHash, Instant now) {
    Account a = new Account(username, passwordHash, now, now);
    if (accounts.putIfAbsent(username, a) != null) throw new IllegalArgumentException("user '" + username + "' already exists");
    return a;
  }

  @Override
  public Optional<Account> findAccount(String username) {
    return Optional.ofNullable(accounts.get(username));
  }

  @Override
  public boolean hasAccounts() {
    return !accounts.isEmpty();
  }

  @Override
  public void updatePassword(String username, String passwordHash, Instant now) {
    Account a = accounts.get(username);
    if (a == null) throw new NoSuchElementException("no user '" + username + "'");
    accounts.put(username, new Account(username, passwordHash, a.createdAt(), now));
  }

  @Override
  public void createSession(LoginSession session) {
    sessions.put(session.tokenHash(), session);
  }

  @Override
  public Optional<LoginSession> findSession(String tokenHash) {
    return Optional.ofNullable(sessions.get(tokenHash));
  }

  @Override
  public void touchSession(String tokenHash, Instant lastSeenAt, Instant expiresAt) {
    touches++;
    sessions.computeIfPresent(tokenHash, (k, s) ->
        new LoginSession(k, s.username(), s.csrfToken(), s.createdAt(), lastSeenAt, expiresAt));
  }

  @Override
  public boolean deleteSession(String tokenHash) {
    return sessions.remove(tokenHash) != null;
  }

  @Override
  public int deleteSessionsOf(String username) {
    int before = sessions.size();
    sessions.values().removeIf(s -> s.username().equals(username));
    return before - sessions.size();
  }

  @Override
  public int deleteExpiredSessions(Instant now) {
    int before = sessions.size();
    sessions.values().removeIf(s -> s.expired(now));
    return before - sessions.size();
  }
}

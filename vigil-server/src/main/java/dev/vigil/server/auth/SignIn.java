package dev.vigil.server.auth;

import dev.vigil.model.Account;
import dev.vigil.model.LoginSession;
import dev.vigil.storage.AccountStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Sign-in for the web UI: checks passwords, opens sessions (a random cookie token, stored only as
 * its SHA-256, plus a CSRF token), slides their expiry as they are used, and ends them. Every time
 * comes from the injected clock.
 */
public final class SignIn {
  public static final String ADMIN = "admin";
  /** Sliding refresh writes at most this often per session, not on every request. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccountStore store;
  private final Clock clock;
  private final Duration ttl;
  private final LoginThrottle throttle;
  private final Semaphore hashing = new Semaphore(2); // PBKDF2 is slow by design: cap its CPU

  /** What a sign-in attempt came to. */
  public sealed interface Attempt {
    /** Signed in: {@code token} goes into the cookie, and is never stored. */
    record Success(String token, LoginSession session) implements Attempt {}

    /** Unknown user or wrong password: the caller cannot tell which. */
    record Refused() implements Attempt {}

    /** Too many failures for this username lately. */
    record Throttled(Duration retryAfter) implements Attempt {}
  }

  public SignIn(AccountStore store, Clock clock, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("session ttl must be positive");
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
    this.throttle = new LoginThrottle(clock);
  }

  public Attempt login(String username, String password) {
    if (username == null || password == null || username.length() > 200 || password.length() > 1024) {
      return new Attempt.Refused();
    }
    Optional<Duration> wait = throttle.begin(username);
    if (wait.isPresent()) return new Attempt.Throttled(wait.get());
    Optional<Account> account = store.findAccount(username);
    // An unknown user costs the same hash as a known one, so timing does not reveal which names exist.
    boolean ok = checkPassword(password, account.map(Account::passwordHash).orElseGet(Decoy::hash)) && account.isPresent();
    if (!ok) return new Attempt.Refused();
    throttle.succeeded(username);
    return open(username);
  }

  /**
   * Replaces a password after checking the current one (throttled like a sign-in). Every session of
   * the user ends, and a new one is returned for the browser that asked.
   *
   * @throws IllegalArgumentException when the new password is shorter than 8 or longer than 200
   */
  public Attempt changePassword(String username, String current, String newPassword) {
    if (newPassword == null || newPassword.length() < 8 || newPassword.length() > 200) {
      throw new IllegalArgumentException("the new password must be 8 to 200 characters");
    }
    if (current == null || current.length() > 1024) return new Attempt.Refused();
    Optional<Duration> wait = throttle.begin(username);
    if (wait.isPresent()) return new Attempt.Throttled(wait.get());
    Optional<Account> account = store.findAccount(username);
    if (account.isEmpty() || !checkPassword(current, account.get().passwordHash())) return new Attempt.Refused();
    throttle.succeeded(username);
    store.updatePassword(username, Passwords.hash(newPassword), clock.instant());
    store.deleteSessionsOf(username);
    return open(username);
  }

  private Attempt.Success open(String username) {
    String token = generateToken();
    Instant now = clock.instant();
    LoginSession session = new LoginSession(ApiKeys.hash(token), username, generateToken(), now, now, now.plus(ttl));
    store.createSession(session);
    return new Attempt.Success(token, session);
  }

  /** The live session for a cookie token, its expiry slid forward; empty when unknown or expired. */
  public Optional<LoginSession> session(String token) {
    if (token == null || token.isEmpty() || token.length() > 200) return Optional.empty();
    String hash = ApiKeys.hash(token);
    Optional<LoginSession> found = store.findSession(hash);
    if (found.isEmpty()) return found;
    LoginSession s = found.get();
    Instant now = clock.instant();
    if (s.expired(now)) {
      store.deleteSession(hash);
      return Optional.empty();
    }
    if (!now.isBefore(s.lastSeenAt().plus(TOUCH_EVERY))) {
      store.touchSession(hash, now, now.plus(ttl));
      s = new LoginSession(s.tokenHash(), s.username(), s.csrfToken(), s.createdAt(), now, now.plus(ttl));
    }
    return Optional.of(s);
  }

  /** Ends the session of a cookie token; harmless when there is none. */
  public void logout(String token) {
    if (token != null && !token.isEmpty() && token.length() <= 200) store.deleteSession(ApiKeys.hash(token));
  }

  /**
   * First start: creates {@code admin} when no account exists, with {@code configuredPassword} or,
   * when that is null, a generated one. Returns the generated password (to show once), else empty.
   */
  public Optional<String> bootstrapAdmin(String configuredPassword) {
    if (store.hasAccounts()) return Optional.empty();
    String password = configuredPassword != null ? configuredPassword : Passwords.generate();
    store.createAccount(ADMIN, Passwords.hash(password), clock.instant());
    return configuredPassword != null ? Optional.empty() : Optional.of(password);
  }

  /** True when {@code username} exists and {@code password} is its password (no throttling). */
  public boolean matches(String username, String password) {
    return store.findAccount(username).map(a -> checkPassword(password, a.passwordHash())).orElse(false);
  }

  /** Removes expired sessions; run now and then so abandoned ones do not pile up. */
  public int purgeExpired() {
    return store.deleteExpiredSessions(clock.instant());
  }

  private boolean checkPassword(String password, String hash) {
    hashing.acquireUninterruptibly();
    try {
      return Passwords.verify(password, hash);
    } finally {
      hashing.release();
    }
  }

  /** A hash no password matches, made once per process on first need (it costs one PBKDF2 run). */
  private static final class Decoy {
    private static final String HASH = Passwords.hash(generateToken());

    static String hash() {
      return HASH;
    }
  }

  /** 32 random bytes, URL-safe base64 without padding (43 characters). */
  static String generateToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

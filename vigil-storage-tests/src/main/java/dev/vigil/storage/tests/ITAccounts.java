package dev.vigil.storage.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Account;
import dev.vigil.model.LoginSession;
import dev.vigil.storage.AccountStore;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Web UI accounts and sign-in sessions; times come from the caller, never the backend's clock. */
public abstract class ITAccounts extends StorageTestBase {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

  private AccountStore accounts() {
    return storage.accountStore();
  }

  private static LoginSession session(String hash, String user, Instant at, Duration ttl) {
    return new LoginSession(hash, user, "csrf-" + hash, at, at, at.plus(ttl));
  }

  @Test
  public void accountsAreCreatedOnceFoundAndSurviveARestart() {
    assertThat(accounts().hasAccounts()).isFalse();
    assertThat(accounts().findAccount("admin")).isEmpty();

    Account admin = accounts().createAccount("admin", "pbkdf2-sha256$1$c2FsdA==$aGFzaA==", T0);
    assertThat(admin).isEqualTo(new Account("admin", "pbkdf2-sha256$1$c2FsdA==$aGFzaA==", T0, T0));
    assertThat(accounts().hasAccounts()).isTrue();
    assertThatThrownBy(() -> accounts().createAccount("admin", "other", T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admin");
    assertThat(accounts().findAccount("Admin")).as("usernames are exact").isEmpty();

    reopen();
    assertThat(accounts().findAccount("admin")).contains(admin);
  }

  @Test
  public void passwordsAreReplaced() {
    accounts().createAccount("admin", "old", T0);
    Instant later = T0.plus(Duration.ofDays(3));
    accounts().updatePassword("admin", "new", later);
    Account updated = accounts().findAccount("admin").orElseThrow();
    assertThat(updated.passwordHash()).isEqualTo("new");
    assertThat(updated.createdAt()).isEqualTo(T0);
    assertThat(updated.passwordChangedAt()).isEqualTo(later);
    assertThatThrownBy(() -> accounts().updatePassword("nobody", "x", later))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  public void sessionsAreFoundTouchedAndDeleted() {
    accounts().createAccount("admin", "h", T0);
    LoginSession s = session("hash-1", "admin", T0, Duration.ofHours(1));
    accounts().createSession(s);
    assertThat(accounts().findSession("hash-1")).contains(s);
    assertThat(accounts().findSession("hash-2")).isEmpty();

    Instant seen = T0.plus(Duration.ofMinutes(30));
    accounts().touchSession("hash-1", seen, seen.plus(Duration.ofHours(1)));
    LoginSession touched = accounts().findSession("hash-1").orElseThrow();
    assertThat(touched.lastSeenAt()).isEqualTo(seen);
    assertThat(touched.expiresAt()).isEqualTo(seen.plus(Duration.ofHours(1)));
    assertThat(touched.createdAt()).isEqualTo(T0);
    accounts().touchSession("missing", seen, seen); // no effect, no error

    reopen();
    assertThat(accounts().findSession("hash-1")).contains(touched);
    assertThat(accounts().deleteSession("hash-1")).isTrue();
    assertThat(accounts().deleteSession("hash-1")).isFalse();
    assertThat(accounts().findSession("hash-1")).isEmpty();
  }

  @Test
  public void expiredSessionsAndAllOfOneUserAreRemoved() {
    accounts().createAccount("admin", "h", T0);
    accounts().createAccount("ops", "h", T0);
    accounts().createSession(session("short", "admin", T0, Duration.ofMinutes(5)));
    accounts().createSession(session("long", "admin", T0, Duration.ofHours(5)));
    accounts().createSession(session("ops-1", "ops", T0, Duration.ofHours(5)));

    assertThat(accounts().deleteExpiredSessions(T0.plus(Duration.ofMinutes(4)))).isZero();
    assertThat(accounts().deleteExpiredSessions(T0.plus(Duration.ofMinutes(5)))).isEqualTo(1);
    assertThat(accounts().findSession("short")).isEmpty();
    assertThat(accounts().findSession("long")).isPresent();

    assertThat(accounts().deleteSessionsOf("admin")).isEqualTo(1);
    assertThat(accounts().findSession("long")).isEmpty();
    assertThat(accounts().findSession("ops-1")).isPresent();
  }
}

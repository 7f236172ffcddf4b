package dev.vigil.server.auth;

import dev.vigil.server.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.LoginSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in, session expiry and the brake, driven by a test clock over an in-memory store. */
class SignInTest {
  private static final Duration TTL = Duration.ofHours(2);
  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final MemoryAccountStore store = new MemoryAccountStore();
  private final SignIn signIn = new SignIn(store, clock, TTL);

  @BeforeEach
  void account() {
    store.createAccount("admin", Passwords.hash("s3cret-pass", 1000), clock.instant()); // cheap cost: fast tests
  }

  private SignIn.Attempt.Success login() {
    return (SignIn.Attempt.Success) signIn.login("admin", "s3cret-pass");
  }

  @Test
  void aSuccessfulLoginStoresOnlyTheTokensHash() {
    SignIn.Attempt.Success ok = login();
    assertThat(ok.token()).hasSize(43);
    assertThat(ok.session().csrfToken()).hasSize(43).isNotEqualTo(ok.token());
    assertThat(store.sessions).containsOnlyKeys(ApiKeys.hash(ok.token()));
    assertThat(store.sessions.values()).noneMatch(s -> s.toString().contains(ok.token()));
    assertThat(ok.session().expiresAt()).isEqualTo(clock.instant().plus(TTL));
    assertThat(signIn.session(ok.token())).contains(ok.session());
  }

  @Test
  void wrongPasswordAndUnknownUserLookTheSame() {
    assertThat(signIn.login("admin", "wrong")).isInstanceOf(SignIn.Attempt.Refused.class);
    assertThat(signIn.login("nobody", "s3cret-pass")).isInstanceOf(SignIn.Attempt.Refused.class);
    assertThat(signIn.login("admin", "")).isInstanceOf(SignIn.Attempt.Refused.class);
    assertThat(store.sessions).isEmpty();
  }

  @Test
  void sessionsExpireAfterTheTtlWithoutUse() {
    String token = login().token();
    clock.advance(TTL.minusSeconds(1));
    assertThat(signIn.session(token)).isPresent();
    clock.advance(TTL); // that use slid the expiry to (then + TTL), which is now
    assertThat(signIn.session(token)).isEmpty();
    assertThat(store.sessions).as("an expired session is removed when seen").isEmpty();
  }

  @Test
  void useSlidesTheExpiryButWritesAtMostOnceAMinute() {
    String token = login().token();
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(5));
      signIn.session(token);
    }
    assertThat(store.touches).isEqualTo(0);
    clock.advance(Duration.ofSeconds(10)); // 60 s since sign-in
    LoginSession s = signIn.session(token).orElseThrow();
    assertThat(store.touches).isEqualTo(1);
    assertThat(s.expiresAt()).isEqualTo(clock.instant().plus(TTL));
    for (int i = 0; i < 12; i++) { // used every 30 minutes for 6 hours: never expires
      clock.advance(Duration.ofMinutes(30));
      assertThat(signIn.session(token)).isPresent();
    }
  }

  @Test
  void expiredSessionsArePurged() {
    login();
    String kept = login().token();
    clock.advance(Duration.ofMinutes(90));
    signIn.session(kept);
    clock.advance(Duration.ofMinutes(31));
    assertThat(signIn.purgeExpired()).isEqualTo(1);
    assertThat(signIn.session(kept)).isPresent();
  }

  @Test
  void logoutEndsTheSession() {
    String token = login().token();
    signIn.logout(token);
    assertThat(signIn.session(token)).isEmpty();
    signIn.logout(token); // twice is harmless
    signIn.logout(null);
    assertThat(signIn.session("not-a-token")).isEmpty();
    assertThat(signIn.session(null)).isEmpty();
  }

  @Test
  void theBrakeRefusesEvenTheRightPasswordUntilTheWindowPasses() {
    for (int i = 0; i < 5; i++) assertThat(signIn.login("admin", "guess-" + i)).isInstanceOf(SignIn.Attempt.Refused.class);
    SignIn.Attempt blocked = signIn.login("admin", "s3cret-pass");
    assertThat(blocked).isEqualTo(new SignIn.Attempt.Throttled(Duration.ofMinutes(15)));
    clock.advance(Duration.ofMinutes(15));
    assertThat(signIn.login("admin", "s3cret-pass")).isInstanceOf(SignIn.Attempt.Success.class);
    assertThat(signIn.login("admin", "guess")).as("success cleared the count").isInstanceOf(SignIn.Attempt.Refused.class);
  }

  @Test
  void changingThePasswordEndsEverySessionButTheNewOne() {
    String other = login().token();
    assertThat(signIn.changePassword("admin", "wrong", "new-password-1")).isInstanceOf(SignIn.Attempt.Refused.class);
    assertThat(signIn.session(other)).as("a refused change ends nothing").isPresent();
    assertThatThrownBy(() -> signIn.changePassword("admin", "s3cret-pass", "short"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 to 200");

    SignIn.Attempt changed = signIn.changePassword("admin", "s3cret-pass", "new-password-1");
    assertThat(changed).isInstanceOf(SignIn.Attempt.Success.class);
    assertThat(signIn.session(other)).isEmpty();
    assertThat(signIn.session(((SignIn.Attempt.Success) changed).token())).isPresent();
    assertThat(signIn.login("admin", "s3cret-pass")).isInstanceOf(SignIn.Attempt.Refused.class);
    assertThat(signIn.login("admin", "new-password-1")).isInstanceOf(SignIn.Attempt.Success.class);
    assertThat(store.accounts.get("admin").passwordChangedAt()).isEqualTo(clock.instant());
  }

  @Test
  void firstStartCreatesTheAdminOnce() {
    MemoryAccountStore empty = new MemoryAccountStore();
    SignIn fresh = new SignIn(empty, clock, TTL);
    assertThat(fresh.bootstrapAdmin("configured-pw")).isEmpty();
    assertThat(fresh.matches("admin", "configured-pw")).isTrue();
    assertThat(fresh.bootstrapAdmin(null)).as("an account exists: nothing happens").isEmpty();

    MemoryAccountStore other = new MemoryAccountStore();
    SignIn generated = new SignIn(other, clock, TTL);
    String password = generated.bootstrapAdmin(null).orElseThrow();
    assertThat(generated.matches("admin", password)).isTrue();
    assertThat(other.accounts.get("admin").passwordHash()).startsWith("pbkdf2-sha256$600000$").doesNotContain(password);
  }
}

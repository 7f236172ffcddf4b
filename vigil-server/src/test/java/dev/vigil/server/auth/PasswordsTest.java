package dev.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

  @Test
  void hashIsSelfDescribingWithTheDefaultCost() {
    String hash = Passwords.hash("correct horse battery staple");
    assertThat(hash).matches("pbkdf2-sha256\\$600000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=");
    assertThat(Passwords.verify("correct horse battery staple", hash)).isTrue();
    assertThat(Passwords.verify("correct horse battery stapl", hash)).isFalse();
  }

  @Test
  void eachHashHasItsOwnSalt() {
    String a = Passwords.hash("same", 1000);
    String b = Passwords.hash("same", 1000);
    assertThat(a).isNotEqualTo(b);
    assertThat(Passwords.verify("same", a)).isTrue();
    assertThat(Passwords.verify("same", b)).isTrue();
  }

  @Test
  void theStoredCostIsUsedSoItCanBeRaisedLater() {
    String cheap = Passwords.hash("pässwörd ✓", 1000);
    assertThat(cheap).startsWith("pbkdf2-sha256$1000$");
    assertThat(Passwords.verify("pässwörd ✓", cheap)).isTrue();
    assertThat(Passwords.verify("passwoerd ✓", cheap)).isFalse();
  }

  @Test
  void malformedOrForeignHashesNeverMatch() {
    String good = Passwords.hash("pw", 1000);
    String[] parts = good.split("\\$");
    assertThat(Passwords.verify("pw", null)).isFalse();
    assertThat(Passwords.verify("pw", "")).isFalse();
    assertThat(Passwords.verify("pw", "pw")).isFalse();
    assertThat(Passwords.verify("pw", "bcrypt$1000$" + parts[2] + "$" + parts[3])).isFalse();
    assertThat(Passwords.verify("pw", "pbkdf2-sha256$x$" + parts[2] + "$" + parts[3])).isFalse();
    assertThat(Passwords.verify("pw", "pbkdf2-sha256$0$" + parts[2] + "$" + parts[3])).isFalse();
    assertThat(Passwords.verify("pw", "pbkdf2-sha256$1000$***$" + parts[3])).isFalse();
    assertThat(Passwords.verify("pw", "pbkdf2-sha256$1000$" + parts[2] + "$")).isFalse();
    assertThat(Passwords.verify("", good)).isFalse();
  }

  @Test
  void generatedPasswordsAreLongAndDistinct() {
    String a = Passwords.generate();
    assertThat(a).hasSize(24).matches("[A-Za-z2-9]+").doesNotContain("0", "O", "1", "l", "I");
    assertThat(Passwords.generate()).isNotEqualTo(a);
  }
}

package dev.vigil.server.alert.notify;

import java.util.Objects;

/** The SMTP server email channels send through; {@code username} null means no authentication. */
public record SmtpSettings(String host, int port, String from, String username, String password, boolean startTls) {
  public SmtpSettings {
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(from, "from == null");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("smtp port must be 1-65535, got " + port);
  }

  @Override
  public String toString() { // never print the password
    return "SmtpSettings[" + host + ":" + port + ", from=" + from + ", user=" + username + ", starttls=" + startTls + "]";
  }
}

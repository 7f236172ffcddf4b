package dev.vigil.server.alert;

import java.util.Locale;

/** How urgent an alert is: critical pages someone, warning is looked at today, info goes in the digest. */
public enum Severity {
  CRITICAL, WARNING, INFO;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package dev.vigil.model;

/** OpenTelemetry span status; the numbers are OTLP's. */
public enum StatusCode {
  UNSET, OK, ERROR;

  public static StatusCode fromOtlp(int number) {
    return number >= 0 && number < values().length ? values()[number] : UNSET;
  }
}

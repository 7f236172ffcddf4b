package dev.vigil.model;

/** OpenTelemetry span kind; the numbers are OTLP's. */
public enum SpanKind {
  UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER;

  public static SpanKind fromOtlp(int number) {
    return number >= 0 && number < values().length ? values()[number] : UNSPECIFIED;
  }
}

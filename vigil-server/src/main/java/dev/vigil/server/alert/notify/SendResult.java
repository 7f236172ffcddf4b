package dev.vigil.server.alert.notify;

/**
 * How one send went. {@code retryable} failures (no answer, 408, 429, 5xx) are tried again later;
 * others (a 4xx saying the request itself is wrong) would fail the same way again, so they are not.
 */
record SendResult(boolean ok, Integer status, String error, boolean retryable) {

  static SendResult delivered(Integer status) {
    return new SendResult(true, status, null, false);
  }

  static SendResult ofStatus(int status, String body) {
    if (status >= 200 && status < 300) return delivered(status);
    boolean retry = status == 408 || status == 429 || status >= 500;
    return new SendResult(false, status, "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + clip(body)), retry);
  }

  static SendResult unreachable(String error) {
    return new SendResult(false, null, error, true);
  }

  static SendResult refused(String error) {
    return new SendResult(false, null, error, false);
  }

  private static String clip(String body) {
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
  }
}

package dev.vigil.storage;

/** Health of a component: ok, or the error that makes it unhealthy. */
public record CheckResult(boolean ok, String error) {
  public static final CheckResult OK = new CheckResult(true, null);

  public static CheckResult failed(String error) {
    return new CheckResult(false, error);
  }
}

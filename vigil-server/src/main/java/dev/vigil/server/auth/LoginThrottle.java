package dev.vigil.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The brute-force brake: at most {@link #MAX_FAILURES} failed sign-ins per username within {@link
 * #WINDOW}; further attempts are refused unchecked until the oldest failure leaves the window. An
 * attempt counts as failed from the moment it starts, so parallel guesses cannot slip past the
 * limit while the slow password check runs; a success clears the count.
 */
final class LoginThrottle {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_USERNAMES = 10_000; // usernames are chosen by the caller: bound the map

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Counts an attempt; empty when it may proceed, else how long until the next one may. */
  synchronized Optional<Duration> begin(String username) {
    Instant now = clock.instant();
    Deque<Instant> recent = failures.get(username);
    if (recent != null) {
      prune(recent, now);
      if (recent.size() >= MAX_FAILURES) {
        Duration wait = Duration.between(now, recent.peekFirst().plus(WINDOW));
        return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
      }
    } else {
      if (failures.size() >= MAX_USERNAMES) sweep(now);
      recent = new ArrayDeque<>();
      failures.put(username, recent);
    }
    recent.addLast(now);
    return Optional.empty();
  }

  /** The attempt begun for {@code username} succeeded: its failures are forgotten. */
  synchronized void succeeded(String username) {
    failures.remove(username);
  }

  private static void prune(Deque<Instant> recent, Instant now) {
    Instant cutoff = now.minus(WINDOW);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) recent.removeFirst();
  }

  private void sweep(Instant now) {
    failures.values().removeIf(d -> {
      prune(d, now);
      return d.isEmpty();
    });
    if (failures.size() >= MAX_USERNAMES) failures.clear(); // a flood of names: forget rather than grow
  }
}

package dev.vigil.server.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Multi-turn conversations: a user who comes back to the same feature within the idle gap goes on
 * with the same session (same topic, next turn) until the session's planned length is reached.
 */
final class Sessions {
  private static final Duration IDLE_GAP = Duration.ofMinutes(20);

  /** One turn of a conversation; {@code topic} indexes the feature's corpus. */
  record Turn(String sessionId, int topic, int turn) {
    boolean first() {
      return turn == 1;
    }
  }

  private record Open(String id, int topic, int turns, int planned, Instant last) {}

  private final Map<String, Open> open = new HashMap<>();

  Turn next(Dice dice, String feature, String userId, Instant at, int topics) {
    String key = feature + '|' + userId;
    Open s = open.get(key);
    if (s != null && s.turns() < s.planned() && !at.isAfter(s.last().plus(IDLE_GAP)) && !at.isBefore(s.last())) {
      s = new Open(s.id(), s.topic(), s.turns() + 1, s.planned(), at);
    } else {
      // Most conversations are short; a few run to five or six turns.
      int planned = dice.chance(0.45) ? 1 : dice.chance(0.6) ? dice.between(2, 3) : dice.between(4, 6);
      s = new Open("sess_" + dice.hex(20), dice.between(0, topics - 1), 1, planned, at);
    }
    open.put(key, s);
    return new Turn(s.id(), s.topic(), s.turns());
  }
}

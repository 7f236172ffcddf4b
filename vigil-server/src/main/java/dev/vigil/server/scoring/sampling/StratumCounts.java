package dev.vigil.server.scoring.sampling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

/**
 * How many subjects of each stratum each scorecard sampled in its current window. Saved with the
 * scoring checkpoint, so a replay after a crash starts from the same counts and makes the same
 * decisions. Only the newest window per scorecard is kept; a subject from an older window (late
 * data) gets no stratum boost. At most {@value #MAX_STRATA} strata per scorecard are tracked, so a
 * high-cardinality dimension (user ids) cannot grow the state without bound.
 */
public final class StratumCounts {
  static final int MAX_STRATA = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One scorecard's window (start / window length) and its per-stratum counts. */
  static final class Window {
    public long index;
    public Map<String, Integer> counts = new HashMap<>();
  }

  /** The Jackson shape of the state. */
  static final class State {
    public Map<String, Window> cards = new HashMap<>();
  }

  private final State state;

  private StratumCounts(State state) {
    this.state = state;
  }

  public static StratumCounts empty() {
    return new StratumCounts(new State());
  }

  /** Parses saved state; anything unreadable starts afresh (the counts only steer a minimum). */
  public static StratumCounts parse(String json) {
    if (json == null || json.isBlank()) return empty();
    try {
      return new StratumCounts(JSON.readValue(json, State.class));
    } catch (JsonProcessingException e) {
      return empty();
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write sampling state", e);
    }
  }

  /** The count so far in {@code window}, or -1 when the window is older than the newest one seen. */
  int count(String card, long window, String stratum) {
    Window w = state.cards.get(card);
    if (w == null || w.index < window) return 0;
    if (w.index > window) return -1;
    return w.counts.getOrDefault(stratum, 0);
  }

  void add(String card, long window, String stratum) {
    Window w = state.cards.computeIfAbsent(card, k -> new Window());
    if (w.index < window) {
      w.index = window;
      w.counts.clear();
    }
    if (w.index != window) return;
    if (w.counts.size() >= MAX_STRATA && !w.counts.containsKey(stratum)) return;
    w.counts.merge(stratum, 1, Integer::sum);
  }

  /** Forgets scorecards that no longer exist. */
  public void retain(java.util.Set<String> cards) {
    state.cards.keySet().retainAll(cards);
  }
}

package dev.vigil.server.alert;

import dev.vigil.model.Silence;
import dev.vigil.storage.AlertRuleStore;
import java.util.Map;
import java.util.Optional;

/** Finds the silence, if any, that mutes an alert's notifications at a moment. */
@FunctionalInterface
public interface Silencer {
  Silencer NONE = (projectId, rule, labels, atNanos) -> Optional.empty();

  Optional<Silence> find(long projectId, String rule, Map<String, String> labels, long atNanos);

  /** The project's stored silences; read on each notification, so a new silence applies at once. */
  static Silencer of(AlertRuleStore store) {
    return (projectId, rule, labels, atNanos) -> store.silences(projectId).stream()
        .filter(s -> s.activeAt(atNanos) && s.matches(rule, labels)).findFirst();
  }
}

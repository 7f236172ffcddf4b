package dev.vigil.storage;

import dev.vigil.model.AlertEvent;
import dev.vigil.model.AlertInstance;
import java.util.List;

/** Alert state per (rule, group) and the history of transitions; durable when a call returns. */
public interface AlertStore {

  /** Creates or replaces the instance of its (rule, group). */
  void save(long projectId, AlertInstance instance);

  void delete(long projectId, String rule, String group);

  /** The project's live (pending or firing) instances. */
  List<AlertInstance> instances(long projectId);

  void record(long projectId, AlertEvent event);

  /** The project's alert history, newest first. */
  List<AlertEvent> history(long projectId, int limit);
}

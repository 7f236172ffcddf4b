package dev.vigil.server.alert;

import dev.vigil.model.AlertEvent;
import dev.vigil.model.AlertInstance;
import dev.vigil.storage.AlertStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Alert state of one preview replay: in memory, thrown away with the replay. */
final class MemoryAlertStore implements AlertStore {
  private final Map<String, AlertInstance> instances = new TreeMap<>();
  private final List<AlertEvent> events = new ArrayList<>();

  @Override
  public void save(long projectId, AlertInstance instance) {
    instances.put(instance.rule() + '\n' + instance.group(), instance);
  }

  @Override
  public void delete(long projectId, String rule, String group) {
    instances.remove(rule + '\n' + group);
  }

  @Override
  public List<AlertInstance> instances(long projectId) {
    return List.copyOf(instances.values());
  }

  @Override
  public void record(long projectId, AlertEvent event) {
    events.add(event);
  }

  @Override
  public List<AlertEvent> history(long projectId, int limit) {
    return events.reversed().stream().limit(limit).toList();
  }
}

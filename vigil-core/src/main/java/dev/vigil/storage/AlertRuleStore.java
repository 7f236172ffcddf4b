package dev.vigil.storage;

import dev.vigil.model.Silence;
import java.util.List;
import java.util.Optional;

/**
 * What people define about alerting through the API, per project: alert rules (as the text they were
 * written in, so they are parsed by the same code as the rules file) and silences. Durable on return.
 */
public interface AlertRuleStore {

  /** The project's API rules, by name. */
  List<StoredAlertRule> rules(long projectId);

  Optional<StoredAlertRule> rule(long projectId, String name);

  /** Creates or replaces a rule. */
  void putRule(long projectId, StoredAlertRule rule);

  /** @return false when there was no such rule */
  boolean deleteRule(long projectId, String name);

  /** Adds a silence (ids are unique per project). */
  void addSilence(long projectId, Silence silence);

  /** The project's silences, newest first, expired ones included. */
  List<Silence> silences(long projectId);

  Optional<Silence> silence(long projectId, String id);

  /** Ends a silence at {@code atEpochNanos} if it would end later; @return false when there is no such silence */
  boolean expireSilence(long projectId, String id, long atEpochNanos);

  /** @return false when there was no such silence */
  boolean deleteSilence(long projectId, String id);
}

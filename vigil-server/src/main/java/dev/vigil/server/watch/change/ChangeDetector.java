package dev.vigil.server.watch.change;

import dev.vigil.model.ChangeEvent;
import dev.vigil.model.ChangeType;
import dev.vigil.model.Span;
import dev.vigil.storage.MonitorStore;
import dev.vigil.storage.SignalStore;
import dev.vigil.storage.SpanListener;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects changes in the spans themselves: a model, prompt version or release that a feature had not
 * used before. Each (feature, kind) first establishes what is normal — the values seen in the first
 * batch that mentions it are not changes, or every fresh project would start with a flood of them —
 * and from then on a new value becomes a change event with source {@code detected}, at the start of
 * the first span that carried it. Ids derive from the value, so replays add nothing.
 */
public final class ChangeDetector implements SpanListener {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeDetector.class);
  public static final String SOURCE = "detected";
  private static final char SEP = '\u001f';

  private final MonitorStore monitor;
  private final SignalStore signals;
  private final Executor executor;
  /** Keys known to be recorded, per project: most batches carry only known values and need no write. */
  private final Map<Long, Set<String>> known = new ConcurrentHashMap<>();

  /** @param executor where the work runs: one background thread in a server, the caller's in tests */
  public ChangeDetector(MonitorStore monitor, SignalStore signals, Executor executor) {
    this.monitor = monitor;
    this.signals = signals;
    this.executor = executor;
  }

  /** Model, prompt, release, feature and start time are all it reads. */
  @Override
  public boolean wantsPayload() {
    return false;
  }

  /**
   * The earliest span of each distinct feature, model, prompt and release in a request: observing
   * these finds exactly the changes that observing every span would, and storage holds a handful of
   * spans per request for it instead of all of them. Observing is idempotent, as picking requires.
   */
  @Override
  public List<Span> pick(List<Span> accepted) {
    Map<Dimensions, Span> earliest = new HashMap<>();
    for (Span s : accepted) {
      earliest.merge(Dimensions.of(s), s, (a, b) -> b.startEpochNanos() < a.startEpochNanos() ? b : a);
    }
    return List.copyOf(earliest.values());
  }

  private record Dimensions(String feature, String model, String promptName, String promptVersion, String release) {
    static Dimensions of(Span s) {
      return new Dimensions(s.feature(), s.llm() == null ? null : s.llm().model(), s.promptName(), s.promptVersion(),
          s.release());
    }
  }

  /**
   * Hands the spans to the executor; once it has been shut down (the server is stopping, and the store
   * indexes what it still holds) they are looked at here, on the storage's thread: dropped, a change
   * they carried would never be seen, since spans are told to listeners only once.
   */
  @Override
  public void onStored(long projectId, List<Span> spans) {
    Runnable work = () -> {
      try {
        observe(projectId, spans);
      } catch (RuntimeException e) {
        LOG.warn("change detection for project {} failed for {} spans: {}", projectId, spans.size(), e.getMessage());
      }
    };
    try {
      executor.execute(work);
    } catch (RejectedExecutionException e) {
      work.run();
    }
  }

  /** Records what {@code spans} use and returns the changes they reveal (already stored). */
  public List<ChangeEvent> observe(long projectId, List<Span> spans) {
    Set<String> seen = known.computeIfAbsent(projectId, p -> ConcurrentHashMap.newKeySet());
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    for (Span s : spans) {
      if (s.llm() != null && s.llm().model() != null) {
        candidate(candidates, seen, s, ChangeType.MODEL_VERSION, "model", s.llm().model(),
            Map.of("model", s.llm().model()), "model " + s.llm().model());
      }
      if (s.promptVersion() != null) {
        String prompt = s.promptName() == null ? "" : s.promptName();
        Map<String, String> attrs = new HashMap<>();
        attrs.put("prompt_version", s.promptVersion());
        if (s.promptName() != null) attrs.put("prompt_name", s.promptName());
        candidate(candidates, seen, s, ChangeType.PROMPT_VERSION, "prompt" + SEP + prompt, s.promptVersion(), attrs,
            "prompt " + (prompt.isEmpty() ? "" : prompt + " ") + s.promptVersion());
      }
      if (s.release() != null) {
        candidate(candidates, seen, s, ChangeType.DEPLOYMENT, "release", s.release(),
            Map.of("release", s.release()), "release " + s.release());
      }
    }
    if (candidates.isEmpty()) return List.of();
    Map<String, Long> firstSeen = new HashMap<>();
    candidates.forEach((key, c) -> {
      firstSeen.merge(key, c.at, Math::min);
      firstSeen.merge(c.slot, c.at, Math::min);
    });
    Set<String> created = monitor.markSeen(projectId, firstSeen);
    List<ChangeEvent> changes = candidates.entrySet().stream()
        .filter(e -> created.contains(e.getKey()) && !created.contains(e.getValue().slot))
        .map(e -> e.getValue().event(id(projectId, e.getKey())))
        .toList();
    seen.addAll(firstSeen.keySet());
    if (!changes.isEmpty()) signals.putChanges(projectId, changes);
    return changes;
  }

  private void candidate(Map<String, Candidate> out, Set<String> seen, Span s, ChangeType type, String kind, String value,
      Map<String, String> attrs, String what) {
    String slot = kind + SEP + s.feature();
    String key = slot + SEP + value;
    if (seen.contains(key)) return;
    Candidate c = out.get(key);
    if (c == null || s.startEpochNanos() < c.at) out.put(key, new Candidate(slot, type, s.feature(), what, attrs, s.startEpochNanos()));
  }

  private record Candidate(String slot, ChangeType type, String feature, String what, Map<String, String> attrs, long at) {
    ChangeEvent event(String id) {
      return new ChangeEvent(id, type, feature, what + " first seen on " + feature, SOURCE, at, attrs);
    }
  }

  private static String id(long projectId, String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest((projectId + "\n" + key).getBytes(StandardCharsets.UTF_8));
      return "detected-" + HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

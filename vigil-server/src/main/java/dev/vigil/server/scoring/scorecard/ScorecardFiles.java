package dev.vigil.server.scoring.scorecard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorecards of the scorecards directory, re-read by {@link #poll()}. A file whose text changed
 * is parsed again; a broken one keeps its previous version in force (or none, if it never was
 * valid) and its problems are kept until the file is fixed or removed, so an edit in progress never
 * stops scoring. Comparing text rather than modification times sees edits within the same second.
 */
public final class ScorecardFiles {
  private static final Logger LOG = LoggerFactory.getLogger(ScorecardFiles.class);

  /** A file whose latest text is not in force, and why. */
  public record Problem(String file, List<String> problems, Instant since) {}

  private record Entry(String text, Scorecard card) {}

  private final Path dir;
  private final ScorecardParser parser;
  private final Clock clock;
  private final Map<Path, Entry> inForce = new LinkedHashMap<>();
  private final Map<Path, String> seen = new LinkedHashMap<>();
  private volatile List<Scorecard> current = List.of();
  private volatile List<Problem> problems = List.of();
  private final Map<Path, Problem> problemByFile = new LinkedHashMap<>();

  /** Reads the directory once, strictly: at start-up a bad file is an error, not a warning. */
  public ScorecardFiles(Path dir, ScorecardParser parser, Clock clock) {
    this.dir = dir;
    this.parser = parser;
    this.clock = clock;
    poll();
    if (!problems.isEmpty()) {
      throw new ScorecardException(problems.stream().flatMap(p -> p.problems().stream()).toList());
    }
  }

  public List<Scorecard> current() {
    return current;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** Re-reads files whose text changed; returns true when the scorecards in force changed. */
  public synchronized boolean poll() {
    Map<Path, String> texts = read();
    boolean changed = inForce.keySet().removeIf(p -> !texts.containsKey(p));
    problemByFile.keySet().removeIf(p -> !texts.containsKey(p));
    seen.keySet().removeIf(p -> !texts.containsKey(p));
    for (var e : texts.entrySet()) {
      Path p = e.getKey();
      String text = e.getValue();
      if (text.equals(seen.get(p))) continue;
      seen.put(p, text);
      try {
        Scorecard c = parser.parse(text, p.toString(), p.toString());
        String clash = nameUsedElsewhere(p, c.name());
        if (clash != null) throw new ScorecardException(List.of(p + ":1:1: scorecard name '" + c.name() + "' is already used by " + clash));
        inForce.put(p, new Entry(text, c));
        problemByFile.remove(p);
        changed = true;
        LOG.info("scorecard '{}' loaded from {} (version {})", c.name(), p, c.version());
      } catch (ScorecardException ex) {
        problemByFile.put(p, new Problem(p.toString(), ex.problems(), clock.instant()));
        LOG.warn("scorecard file {} is invalid; {}: {}", p, inForce.containsKey(p) ? "its previous version stays in force"
            : "it is not in force", String.join("; ", ex.problems()));
      }
    }
    if (changed) {
      current = inForce.values().stream().map(Entry::card).toList();
    }
    problems = List.copyOf(problemByFile.values());
    return changed;
  }

  private String nameUsedElsewhere(Path self, String name) {
    for (var e : inForce.entrySet()) {
      if (!e.getKey().equals(self) && e.getValue().card().name().equals(name)) return e.getKey().toString();
    }
    return null;
  }

  /** Every {@code *.yaml} / {@code *.yml} in the directory by name; a missing directory holds none. */
  private Map<Path, String> read() {
    Map<Path, String> out = new LinkedHashMap<>();
    if (dir == null || !Files.isDirectory(dir)) return out;
    List<Path> paths;
    try (Stream<Path> s = Files.list(dir)) {
      paths = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted(Comparator.naturalOrder()).toList();
    } catch (IOException e) {
      LOG.warn("cannot list scorecards in {}: {}", dir, e.getMessage());
      return new LinkedHashMap<>(seen); // keep what is in force rather than dropping everything
    }
    for (Path p : paths) {
      try {
        out.put(p, Files.readString(p));
      } catch (IOException e) {
        // a file being replaced can vanish between list and read: keep the last text seen
        if (seen.containsKey(p)) out.put(p, seen.get(p));
      }
    }
    return out;
  }
}

package dev.vigil.server.scoring.scorecard;

import dev.vigil.storage.ScoringStore;
import dev.vigil.storage.StoredScorecard;
import dev.vigil.util.EpochNanos;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorecards in force: those of the scorecards directory (read at start-up, for every project)
 * and those each project defined through the API (stored in the backend, cached here). Names are
 * unique per project; a file's scorecard cannot be replaced or deleted through the API.
 */
public final class ScorecardRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ScorecardRegistry.class);

  private final ScoringStore store;
  private final ScorecardParser parser;
  private final Supplier<List<Scorecard>> files;
  private final Clock clock;
  private final Map<Long, List<Scorecard>> api = new ConcurrentHashMap<>();

  public ScorecardRegistry(ScoringStore store, ScorecardParser parser, List<Scorecard> files, Clock clock) {
    this(store, parser, fixed(files), clock);
  }

  private static Supplier<List<Scorecard>> fixed(List<Scorecard> files) {
    List<Scorecard> copy = List.copyOf(files);
    return () -> copy;
  }

  /** {@code files} gives the file scorecards in force at each call (they are reloaded when edited). */
  public ScorecardRegistry(ScoringStore store, ScorecardParser parser, Supplier<List<Scorecard>> files, Clock clock) {
    this.store = store;
    this.parser = parser;
    this.files = files;
    this.clock = clock;
  }

  /**
   * Every {@code *.yaml} / {@code *.yml} in {@code dir}, validated; a missing directory holds none.
   * @throws ScorecardException listing the problems of every bad file, or a name used twice
   */
  public static List<Scorecard> loadDirectory(Path dir, ScorecardParser parser) {
    return new ScorecardFiles(dir, parser, Clock.systemUTC()).current();
  }

  public List<Scorecard> files() {
    return files.get();
  }

  /** File scorecards first, then the project's own, by name. */
  public List<Scorecard> forProject(long projectId) {
    List<Scorecard> own = api.computeIfAbsent(projectId, this::load);
    List<Scorecard> fromFiles = files.get();
    if (own.isEmpty()) return fromFiles;
    List<Scorecard> all = new ArrayList<>(fromFiles);
    all.addAll(own);
    return all;
  }

  public Optional<Scorecard> get(long projectId, String name) {
    return forProject(projectId).stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public boolean isFile(String name) {
    return files.get().stream().anyMatch(c -> c.name().equals(name));
  }

  /**
   * Validates and stores a project's scorecard under {@code name}.
   * @throws ScorecardException when the YAML is not a valid scorecard or names another scorecard
   */
  public Scorecard put(long projectId, String name, String yaml) {
    Scorecard c = parser.parse(yaml, "scorecard '" + name + "'", "api");
    if (!c.name().equals(name)) {
      throw new ScorecardException(List.of("scorecard '" + name + "': its 'name' is '" + c.name() + "'; it must match the URL"));
    }
    if (isFile(name)) throw new IllegalStateException("scorecard '" + name + "' is defined in a file; edit the file instead");
    store.putScorecard(projectId, new StoredScorecard(name, yaml, EpochNanos.of(clock.instant())));
    api.remove(projectId);
    return c;
  }

  /** @return false when the project has no such scorecard of its own */
  public boolean delete(long projectId, String name) {
    if (isFile(name)) throw new IllegalStateException("scorecard '" + name + "' is defined in a file; remove the file instead");
    boolean removed = store.deleteScorecard(projectId, name);
    api.remove(projectId);
    return removed;
  }

  /** File scorecards changed: a project's own may now be shadowed by a file's name, or no longer be. */
  public void filesChanged() {
    api.clear();
  }

  private List<Scorecard> load(long projectId) {
    List<Scorecard> out = new ArrayList<>();
    for (StoredScorecard s : store.scorecards(projectId)) {
      try {
        if (!isFile(s.name())) out.add(parser.parse(s.yaml(), "scorecard '" + s.name() + "'", "api"));
      } catch (ScorecardException e) {
        // Stored by an older Vigil whose rules differed: skipped, and said so, rather than failing every pass.
        LOG.warn("project {}: stored scorecard '{}' is no longer valid and is skipped: {}", projectId, s.name(), e.getMessage());
      }
    }
    return List.copyOf(out);
  }

}

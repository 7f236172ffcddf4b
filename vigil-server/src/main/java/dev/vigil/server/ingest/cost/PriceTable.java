package dev.vigil.server.ingest.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a model's list price. Names are matched whole and case-insensitively against each entry's
 * pattern after dropping routing prefixes ("openai/", "models/", …). When several entries match, one
 * whose provider equals the call's wins, then the longer model name, then the earlier entry.
 *
 * <p>This runs for every LLM call, so answers are memoized twice: per (provider, name as sent) for the
 * hit path, and per normalized name so the ~200 patterns are scanned at most once for a name whatever
 * the provider or prefix. Both memos are bounded, and absurdly long names are never looked up.
 */
public final class PriceTable {
  static final int MAX_CACHED = 10_000;
  static final int MAX_NAME_LENGTH = 256;
  private static final String RESOURCE = "model-prices.json";

  record Entry(Pattern pattern, ModelPrice price) {}

  private record Key(String provider, String model) {}

  private final List<Entry> entries;
  private final BoundedCache<Key, Optional<ModelPrice>> byCall = new BoundedCache<>(MAX_CACHED);
  private final BoundedCache<String, List<ModelPrice>> byName = new BoundedCache<>(MAX_CACHED);

  PriceTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The table shipped with Vigil; parsed on first use and shared. */
  public static PriceTable loadDefault() {
    return Default.TABLE;
  }

  public Optional<ModelPrice> find(String provider, String model) {
    if (model == null || model.length() > MAX_NAME_LENGTH || model.isBlank()) return Optional.empty();
    Key key = new Key(provider == null ? "" : provider, model);
    Optional<ModelPrice> known = byCall.get(key);
    if (known != null) return known;
    Optional<ModelPrice> found = choose(key.provider(), byName.computeIfAbsent(ModelNames.normalize(model), this::scan));
    byCall.put(key, found);
    return found;
  }

  int size() {
    return entries.size();
  }

  int memoSize() {
    return Math.max(byCall.size(), byName.size());
  }

  List<Entry> entries() {
    return entries;
  }

  private List<ModelPrice> scan(String name) {
    List<ModelPrice> matches = new ArrayList<>(2);
    for (Entry entry : entries) {
      if (entry.pattern().matcher(name).matches()) matches.add(entry.price());
    }
    return List.copyOf(matches);
  }

  private static Optional<ModelPrice> choose(String provider, List<ModelPrice> matches) {
    ModelPrice best = null;
    for (ModelPrice candidate : matches) {
      if (best == null || better(candidate, best, provider)) best = candidate;
    }
    return Optional.ofNullable(best);
  }

  private static boolean better(ModelPrice a, ModelPrice b, String provider) {
    boolean aSame = a.provider().equalsIgnoreCase(provider);
    if (aSame != b.provider().equalsIgnoreCase(provider)) return aSame;
    return a.model().length() > b.model().length();
  }

  private static final class Default {
    static final PriceTable TABLE = load();

    private static PriceTable load() {
      try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
        if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
        return new PriceTable(PriceFile.read(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }
}

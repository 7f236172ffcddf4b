package dev.vigil.server.scoring.sampling;

import dev.vigil.server.scoring.eval.Options;
import dev.vigil.server.scoring.eval.Problems;
import dev.vigil.storage.Dimension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A scorecard's {@code sampling} block: a base {@code rate}; optionally a dimension to stratify by
 * with a minimum number of subjects per stratum and {@code window}, so rare slices are scored even at
 * a low rate; targeted rules with their own rates; and errors always (the default) or at the rate.
 */
public record SamplingPolicy(
    double rate,
    Dimension stratifyBy,
    int minPerStratum,
    Duration window,
    List<Target> targeted,
    boolean errorsAlways) {

  /** One targeted rule: subjects matching {@code when} are sampled at {@code rate}. */
  public record Target(Condition when, double rate) {}

  public static final SamplingPolicy ALL = new SamplingPolicy(1.0, null, 0, Duration.ofHours(1), List.of(), true);
  static final Set<String> KEYS = Set.of("rate", "stratify_by", "min_per_stratum", "window", "targeted", "errors");

  public SamplingPolicy {
    targeted = List.copyOf(targeted);
  }

  /** Reads the block at {@code o}; missing means everything is sampled. */
  public static SamplingPolicy from(Options o, Problems problems) {
    o.allowOnly("'sampling'", KEYS);
    o.require("rate");
    Double rate = o.number("rate", 0, 1);
    Dimension stratify = null;
    String dim = o.string("stratify_by", null);
    if (dim != null) {
      try {
        stratify = Dimension.fromWireName(dim);
      } catch (IllegalArgumentException e) {
        o.problem("stratify_by", "'stratify_by' must be one of "
            + Arrays.stream(Dimension.values()).map(Dimension::wireName).toList() + ", got '" + dim + "'");
      }
    }
    Long min = o.whole("min_per_stratum", 0, 1_000_000);
    if (stratify != null && min == null && !o.has("min_per_stratum")) o.problem("stratify_by", "'stratify_by' needs 'min_per_stratum'");
    if (stratify == null && o.has("min_per_stratum") && dim == null) o.problem("min_per_stratum", "'min_per_stratum' needs 'stratify_by'");
    Duration window = duration(o, "window", Duration.ofHours(1));
    String errors = o.oneOf("errors", "always", Set.of("always", "rate"));
    List<Target> targets = new ArrayList<>();
    if (o.has("targeted")) {
      if (!o.node("targeted").isArray()) {
        o.problem("targeted", "'targeted' must be a list of {when: {...}, rate: ...}");
      } else {
        for (int i = 0; i < o.node("targeted").size(); i++) {
          String at = o.pointer("targeted") + "/" + i;
          var node = o.node("targeted").get(i);
          if (!node.isObject()) {
            problems.add(at, "each targeted rule must be a mapping {when: {...}, rate: ...}");
            continue;
          }
          Options rule = new Options(node, at, problems);
          rule.allowOnly("a targeted rule", Set.of("when", "rate"));
          rule.require("when");
          rule.require("rate");
          Double r = rule.number("rate", 0, 1);
          if (rule.has("when") && !rule.node("when").isObject()) rule.problem("when", "'when' must be a mapping of conditions");
          else if (rule.has("when")) targets.add(new Target(Condition.from(new Options(rule.node("when"), rule.pointer("when"), problems)), r == null ? 0 : r));
        }
      }
    }
    return new SamplingPolicy(rate == null ? 0 : rate, stratify, min == null ? 0 : min.intValue(), window, targets,
        errors.equals("always"));
  }

  /** "30s", "15m", "1h", "1d". */
  static Duration duration(Options o, String key, Duration fallback) {
    String v = o.string(key, null);
    if (v == null) return fallback;
    var m = java.util.regex.Pattern.compile("(\\d{1,6})([smhd])").matcher(v.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      o.problem(key, "'" + key + "' must be a duration like 30m, 1h or 1d, got '" + v + "'");
      return fallback;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}

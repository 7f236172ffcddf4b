package dev.vigil.server.scoring.scorecard;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Evaluators;
import dev.vigil.server.scoring.eval.Options;
import dev.vigil.server.scoring.eval.Problems;
import dev.vigil.server.scoring.sampling.SamplingPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a scorecard written in YAML (docs/scorecards.md). Every problem is reported
 * at once, each with the line and column it is at, and nothing half-valid is ever returned.
 */
public final class ScorecardParser {
  static final Set<String> KEYS = Set.of("name", "description", "feature", "version", "target", "sampling", "metrics");
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
  private static final YAMLFactory YAML = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

  private final Evaluators evaluators;

  public ScorecardParser(Evaluators evaluators) {
    this.evaluators = evaluators;
  }

  /**
   * @param source what to call the text in messages: a file path, or "scorecard 'name'"
   * @throws ScorecardException naming every problem with its line and column
   */
  public Scorecard parse(String yaml, String source, String origin) {
    JsonNode root;
    YamlLocations locations;
    try {
      root = MAPPER.readTree(yaml);
      locations = new YamlLocations(YAML, yaml);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "1:1" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
      throw new ScorecardException(List.of(source + ":" + at + ": not valid YAML: " + firstLine(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new ScorecardException(List.of(source + ": cannot read: " + e.getMessage()));
    }
    Problems problems = new Problems();
    if (root == null || !root.isObject()) {
      problems.add("", "a scorecard must be a mapping with 'name', 'feature' and 'metrics'");
      throw fail(problems, source, locations);
    }
    Options o = new Options(root, "", problems);
    o.allowOnly("a scorecard", KEYS);
    o.require("name");
    o.require("feature");
    o.require("metrics");
    String name = o.string("name", "");
    if (o.has("name") && !NAME.matcher(name).matches()) {
      o.problem("name", "'name' must be 1-100 letters, digits, '_', '.' or '-', starting with a letter or digit; got '" + name + "'");
    }
    List<String> features = o.strings("feature");
    if (o.has("feature") && features.isEmpty()) o.problem("feature", "'feature' must name at least one feature (or \"*\" for all)");
    String target = o.oneOf("target", "llm_call", Set.of("llm_call", "trace"));
    SamplingPolicy sampling = SamplingPolicy.ALL;
    if (o.has("sampling")) {
      if (root.get("sampling").isObject()) sampling = SamplingPolicy.from(new Options(root.get("sampling"), "/sampling", problems), problems);
      else o.problem("sampling", "'sampling' must be a mapping (rate, stratify_by, min_per_stratum, window, targeted, errors)");
    }
    List<Scorecard.Metric> metrics = metrics(root.get("metrics"), problems);
    String version = o.has("version") ? o.node("version").asText() : hash(root);
    if (o.has("version") && (!o.node("version").isValueNode() || version.isBlank() || version.length() > 64)) {
      o.problem("version", "'version' must be a short string or number");
    }
    if (!problems.isEmpty()) throw fail(problems, source, locations);
    return new Scorecard(name, features, version, Scorecard.Target.valueOf(target.toUpperCase(java.util.Locale.ROOT)),
        sampling, metrics, origin, yaml);
  }

  private List<Scorecard.Metric> metrics(JsonNode list, Problems problems) {
    List<Scorecard.Metric> out = new ArrayList<>();
    if (list == null || list.isNull()) return out;
    if (!list.isArray() || list.isEmpty()) {
      problems.add("/metrics", "'metrics' must be a non-empty list of {name, type, ...options}");
      return out;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "/metrics/" + i;
      if (!list.get(i).isObject()) {
        problems.add(at, "each metric must be a mapping with 'name' and 'type'");
        continue;
      }
      Options m = new Options(list.get(i), at, problems);
      m.require("name");
      m.require("type");
      String name = m.string("name", "");
      if (m.has("name") && !NAME.matcher(name).matches()) m.problem("name", "metric 'name' must be 1-100 letters, digits, '_', '.' or '-'; got '" + name + "'");
      if (m.has("name") && !names.add(name)) m.problem("name", "metric '" + name + "' is defined twice");
      String type = m.string("type", null);
      if (type == null) continue;
      Evaluator e = evaluators.create(type, m);
      if (e != null) out.add(new Scorecard.Metric(name, e));
    }
    return out;
  }

  private static ScorecardException fail(Problems problems, String source, YamlLocations locations) {
    List<String> lines = new ArrayList<>();
    for (Problems.Problem p : problems.list()) lines.add(source + ":" + locations.at(p.pointer()) + ": " + p.message());
    return new ScorecardException(lines);
  }

  /** A content hash, so editing comments or spacing keeps the version and editing a metric changes it. */
  static String hash(JsonNode root) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(root.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "syntax error";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}

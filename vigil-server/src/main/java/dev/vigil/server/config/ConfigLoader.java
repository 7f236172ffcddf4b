package dev.vigil.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the configuration: defaults, then the YAML file (if any), then {@code VIGIL_*} environment
 * variables. Unknown keys and bad values fail start-up with a message naming the key and its source.
 */
public final class ConfigLoader {
  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  /** @param file the YAML file, or null for none */
  public VigilConfig load(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    for (Setting s : Settings.ALL) {
      values.put(s.key(), s.defaultValue());
      sources.put(s.key(), "default");
    }
    if (file != null) readYaml(file, values, sources);
    for (Setting s : Settings.ALL) {
      String v = env.get(s.envName());
      if (v != null) {
        values.put(s.key(), v.strip());
        sources.put(s.key(), "environment variable " + s.envName());
      }
    }
    JudgeConfigs.readEnv(env, values, sources);
    Values v = new Values(values, sources);
    return new VigilConfig(
        v.string("host"),
        v.integer("port", 0, 65535),
        Path.of(v.string("data_dir")),
        values.get("init_api_key").isEmpty() ? null : v.apiKey("init_api_key"),
        values.get("admin_password").isEmpty() ? null : v.password("admin_password"),
        v.integer("session_ttl_hours", 1, 8784),
        v.longValue("ingest.max_body_bytes", 1024, Long.MAX_VALUE),
        v.longValue("ingest.max_decompressed_bytes", 1024, Long.MAX_VALUE),
        new VigilConfig.StorageOptions(v.string("storage.memory_limit"),
            v.longValue("storage.max_pending_spans", 1000, Long.MAX_VALUE), v.integer("storage.threads", 0, 256)),
        v.integer("sql.timeout_seconds", 1, 3600),
        v.integer("sql.max_rows", 1, 1_000_000),
        v.string("pii.default_region"),
        v.integer("retention.check_interval_minutes", 1, 10_080),
        new VigilConfig.Scoring(
            v.bool("scoring.enabled"),
            values.get("scoring.scorecards_dir").isBlank()
                ? (file == null ? Path.of("scorecards") : file.toAbsolutePath().getParent().resolve("scorecards"))
                : Path.of(values.get("scoring.scorecards_dir")),
            v.integer("scoring.workers", 1, 256),
            v.integer("scoring.evaluator_timeout_ms", 1, 3_600_000),
            v.integer("scoring.max_attempts", 1, 100),
            v.integer("scoring.retry_backoff_seconds", 1, 86_400),
            v.integer("scoring.batch_spans", 1, 100_000),
            values.get("scoring.plugins_dir").isBlank() ? null : Path.of(values.get("scoring.plugins_dir")),
            v.decimal("scoring.judge_daily_budget_usd", 0, 1_000_000),
            JudgeConfigs.judges(values, sources, env),
            v.integer("scoring.max_lag_seconds", 0, 86_400)),
        new VigilConfig.Alerting(
            values.get("alerting.rules_file").isBlank() ? null : Path.of(values.get("alerting.rules_file")),
            v.integer("alerting.interval_seconds", 1, 3600),
            blankToNull(values.get("alerting.public_url")),
            blankToNull(values.get("smtp.host")),
            v.integer("smtp.port", 1, 65535),
            v.string("smtp.from"),
            blankToNull(values.get("smtp.username")),
            blankToNull(values.get("smtp.password")),
            v.bool("smtp.starttls"),
            new VigilConfig.Digest(v.list("alerting.digest_channels"), v.day("alerting.digest_day"),
                v.integer("alerting.digest_hour", 0, 23))));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static void readYaml(Path file, Map<String, String> values, Map<String, String> sources) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) return;
    if (!root.isObject()) throw new IllegalArgumentException(file + ": expected a mapping of keys to values");
    flatten("", root, file, values, sources);
  }

  private static void flatten(String prefix, JsonNode node, Path file, Map<String, String> values,
      Map<String, String> sources) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (e.getValue().isObject()) {
        flatten(key, e.getValue(), file, values, sources);
      } else if (!values.containsKey(key) && !key.startsWith(JudgeConfigs.PREFIX)) {
        throw new IllegalArgumentException(file + ": unknown key '" + key + "'; known keys: "
            + new TreeSet<>(values.keySet()));
      } else if (e.getValue().isContainerNode()) {
        throw new IllegalArgumentException(file + ": '" + key + "' must be a single value");
      } else {
        values.put(key, e.getValue().isNull() ? "" : e.getValue().asText());
        sources.put(key, file.toString());
      }
    }
  }

  /** Typed access with errors that name the key and where its value came from. */
  private record Values(Map<String, String> values, Map<String, String> sources) {
    private static final java.util.Set<String> SECRETS = java.util.Set.of("init_api_key", "admin_password", "smtp.password");

    String string(String key) {
      String v = values.get(key);
      if (v == null || v.isBlank()) throw bad(key, "must not be empty");
      return v;
    }

    long longValue(String key, long min, long max) {
      try {
        long v = Long.parseLong(values.get(key));
        if (v < min || v > max) throw bad(key, "must be between " + min + " and " + max);
        return v;
      } catch (NumberFormatException e) {
        throw bad(key, "must be a whole number");
      }
    }

    boolean bool(String key) {
      String v = values.get(key).strip().toLowerCase(java.util.Locale.ROOT);
      if (v.equals("true")) return true;
      if (v.equals("false")) return false;
      throw bad(key, "must be true or false");
    }

    double decimal(String key, double min, double max) {
      try {
        double v = Double.parseDouble(values.get(key));
        if (!(v >= min && v <= max)) throw bad(key, "must be between " + min + " and " + max);
        return v;
      } catch (NumberFormatException e) {
        throw bad(key, "must be a number");
      }
    }

    java.util.List<String> list(String key) {
      return java.util.Arrays.stream(values.get(key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    java.time.DayOfWeek day(String key) {
      try {
        return java.time.DayOfWeek.valueOf(values.get(key).strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw bad(key, "must be a day of the week (monday to sunday)");
      }
    }

    int integer(String key, int min, int max) {
      return (int) longValue(key, min, max);
    }

    String apiKey(String key) {
      String v = values.get(key);
      if (v.length() < 16 || v.length() > 200 || !v.chars().allMatch(c -> c > 32 && c < 127)) {
        throw bad(key, "must be 16 to 200 printable characters without spaces");
      }
      return v;
    }

    String password(String key) {
      String v = values.get(key);
      if (v.length() < 8 || v.length() > 200) throw bad(key, "must be 8 to 200 characters");
      return v;
    }

    IllegalArgumentException bad(String key, String problem) {
      String shown = SECRETS.contains(key) ? "(hidden)" : "'" + values.get(key) + "'";
      return new IllegalArgumentException("configuration '" + key + "' " + problem + "; got " + shown
          + " from " + sources.get(key));
    }
  }
}

package dev.vigil.server.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The named LLM judges: {@code scoring.judges.<name>.<field>} in the YAML file, or
 * {@code VIGIL_SCORING_JUDGES_<NAME>_<FIELD>} in the environment (which also defines a judge the
 * file does not). The API key is never a configuration value: {@code api_key_env} names the
 * environment variable that holds it, read here and never printed.
 */
final class JudgeConfigs {
  static final String PREFIX = "scoring.judges.";
  static final String ENV_PREFIX = "VIGIL_SCORING_JUDGES_";
  /** Each field with its default; null: required. */
  static final Map<String, String> FIELDS = fields();
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  private JudgeConfigs() {}

  private static Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("base_url", "https://api.openai.com/v1");
    f.put("model", null);
    f.put("api_key_env", "");
    f.put("input_usd_per_mtok", "0");
    f.put("output_usd_per_mtok", "0");
    f.put("timeout_ms", "30000");
    f.put("max_output_tokens", "300");
    return f;
  }

  /** Adds judge values from the environment to {@code values} (after the file's, so they win). */
  static void readEnv(Map<String, String> env, Map<String, String> values, Map<String, String> sources) {
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      if (!e.getKey().startsWith(ENV_PREFIX)) continue;
      String rest = e.getKey().substring(ENV_PREFIX.length());
      String field = FIELDS.keySet().stream().filter(f -> rest.endsWith("_" + f.toUpperCase(Locale.ROOT))).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("environment variable " + e.getKey() + " names no judge field; expected "
              + ENV_PREFIX + "<NAME>_<FIELD> with FIELD one of " + FIELDS.keySet().stream().map(f -> f.toUpperCase(Locale.ROOT)).toList()));
      String name = rest.substring(0, rest.length() - field.length() - 1).toLowerCase(Locale.ROOT);
      values.put(PREFIX + name + "." + field, e.getValue().strip());
      sources.put(PREFIX + name + "." + field, "environment variable " + e.getKey());
    }
  }

  /** The judges in {@code values}, validated; errors name the key and where its value came from. */
  static Map<String, VigilConfig.Judge> judges(Map<String, String> values, Map<String, String> sources, Map<String, String> env) {
    Map<String, Map<String, String>> byName = new TreeMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!e.getKey().startsWith(PREFIX)) continue;
      String rest = e.getKey().substring(PREFIX.length());
      int dot = rest.lastIndexOf('.');
      String name = dot < 0 ? rest : rest.substring(0, dot);
      String field = dot < 0 ? "" : rest.substring(dot + 1);
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("configuration '" + e.getKey() + "': a judge name must be 1-40 lower-case letters, "
            + "digits, '_' or '-'; from " + sources.get(e.getKey()));
      }
      if (!FIELDS.containsKey(field)) {
        throw new IllegalArgumentException("configuration '" + e.getKey() + "' is not a judge field; expected one of "
            + FIELDS.keySet() + "; from " + sources.get(e.getKey()));
      }
      byName.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(field, e.getValue());
    }
    Map<String, VigilConfig.Judge> out = new LinkedHashMap<>();
    byName.forEach((name, given) -> out.put(name, judge(name, given, sources, env)));
    return out;
  }

  private static VigilConfig.Judge judge(String name, Map<String, String> given, Map<String, String> sources, Map<String, String> env) {
    Map<String, String> v = new LinkedHashMap<>(FIELDS);
    given.forEach((k, x) -> v.put(k, x == null || x.isBlank() ? FIELDS.get(k) : x));
    String key = PREFIX + name + ".";
    if (v.get("model") == null || v.get("model").isBlank()) {
      throw new IllegalArgumentException("configuration '" + key + "model' is required for judge '" + name + "'");
    }
    String baseUrl = v.get("base_url");
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("configuration '" + key + "base_url' must be an http(s) URL; got '" + baseUrl + "' from "
          + sources.getOrDefault(key + "base_url", "default"));
    }
    String keyEnv = v.get("api_key_env");
    String apiKey = null;
    if (!keyEnv.isBlank()) {
      apiKey = env.get(keyEnv);
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("configuration '" + key + "api_key_env' names environment variable " + keyEnv
            + ", which is not set");
      }
    }
    return new VigilConfig.Judge(name, baseUrl, v.get("model"), keyEnv.isBlank() ? null : keyEnv, apiKey,
        decimal(key + "input_usd_per_mtok", v, sources), decimal(key + "output_usd_per_mtok", v, sources),
        (int) whole(key + "timeout_ms", v, sources, 1, 3_600_000), (int) whole(key + "max_output_tokens", v, sources, 1, 100_000));
  }

  private static double decimal(String key, Map<String, String> v, Map<String, String> sources) {
    String raw = v.get(key.substring(key.lastIndexOf('.') + 1));
    try {
      double d = Double.parseDouble(raw);
      if (d >= 0 && d <= 1_000_000) return d;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("configuration '" + key + "' must be a number of USD from 0 to 1000000; got '" + raw
        + "' from " + sources.getOrDefault(key, "default"));
  }

  private static long whole(String key, Map<String, String> v, Map<String, String> sources, long min, long max) {
    String raw = v.get(key.substring(key.lastIndexOf('.') + 1));
    try {
      long n = Long.parseLong(raw);
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("configuration '" + key + "' must be a whole number from " + min + " to " + max
        + "; got '" + raw + "' from " + sources.getOrDefault(key, "default"));
  }
}

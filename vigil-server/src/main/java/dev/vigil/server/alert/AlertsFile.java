package dev.vigil.server.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.server.alert.notify.Channel;
import dev.vigil.storage.Dimension;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alert rules and notification channels from YAML (docs/alerting.md). Secrets are written as
 * {@code ${ENV_VAR}} and read from the environment, so the file itself can be committed. Every
 * mistake is reported with where it is: {@code alerts.yaml: rules[1] 'support-errors': window: ...}.
 */
public record AlertsFile(List<Channel> channels, List<AlertRule> rules) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  public static final AlertsFile EMPTY = new AlertsFile(List.of(), List.of());

  public static AlertsFile load(Path file, Function<String, String> env) {
    try {
      return parse(file.getFileName().toString(), Files.readString(file), env);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  static AlertsFile parse(String source, String text, Function<String, String> env) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) return EMPTY;
    if (!root.isObject()) throw new IllegalArgumentException(source + ": expected 'channels:' and 'rules:' at the top");
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("channels") && !key.equals("rules")) {
        throw new IllegalArgumentException(source + ": unknown key '" + key + "'; expected 'channels' and 'rules'");
      }
    }
    List<Channel> channels = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int i = 0;
    for (JsonNode node : list(root, "channels", source)) {
      Fields f = new Fields(source + ": channels[" + i++ + "]", node, env);
      Channel c = channel(f);
      if (!names.add(c.name())) throw f.error("name", "another channel is named '" + c.name() + "'");
      channels.add(c);
    }
    List<AlertRule> rules = new ArrayList<>();
    Set<String> ruleNames = new HashSet<>();
    i = 0;
    for (JsonNode node : list(root, "rules", source)) {
      Fields f = new Fields(source + ": rules[" + i++ + "]", node, env);
      AlertRule rule = rule(f);
      Fields named = f.named(rule.name());
      if (!ruleNames.add(rule.name())) throw named.error("name", "another rule has this name");
      for (String c : rule.channels()) {
        if (!names.contains(c)) throw named.error("channels", "no channel named '" + c + "' (channels: " + names + ")");
      }
      rules.add(rule);
    }
    return new AlertsFile(List.copyOf(channels), List.copyOf(rules));
  }

  /**
   * One rule written through the API: a YAML (or JSON) mapping with the rules file's fields, checked
   * the same way; every channel must be one of {@code channelNames} (channels, with their secrets,
   * stay in the file). {@code name} fills in a missing {@code name:} and must match a given one.
   */
  public static AlertRule parseRule(String name, String text, Set<String> channelNames) {
    JsonNode node;
    try {
      node = YAML.readTree(text == null ? "" : text);
    } catch (IOException e) {
      throw new IllegalArgumentException("rule '" + name + "': not valid YAML or JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("rule '" + name + "': expected a mapping of rule fields, e.g. "
          + "{condition: 'error_rate > 0.05 for 5m', channels: [oncall]}");
    }
    com.fasterxml.jackson.databind.node.ObjectNode rule = (com.fasterxml.jackson.databind.node.ObjectNode) node;
    if (!rule.hasNonNull("name")) rule.put("name", name);
    else if (!rule.get("name").asText().equals(name)) {
      throw new IllegalArgumentException("rule '" + name + "': name: the body names '" + rule.get("name").asText()
          + "' but the path names '" + name + "'");
    }
    // API rules carry no secrets: ${VAR} is not expanded from the server's environment
    Fields f = new Fields("rule", rule, var -> null);
    AlertRule parsed = rule(f);
    for (String c : parsed.channels()) {
      if (!channelNames.contains(c)) {
        throw f.named(parsed.name()).error("channels", "no channel named '" + c + "' (channels: " + new java.util.TreeSet<>(channelNames) + ")");
      }
    }
    return parsed;
  }

  private static Iterable<JsonNode> list(JsonNode root, String key, String source) {
    JsonNode node = root.path(key);
    if (node.isMissingNode() || node.isNull()) return List.of();
    if (!node.isArray()) throw new IllegalArgumentException(source + ": '" + key + "' must be a list");
    return node;
  }

  private static Channel channel(Fields f) {
    String name = f.required("name");
    String type = f.required("type");
    return switch (type) {
      case "slack" -> new Channel.Slack(name, f.uri("webhook_url"));
      case "pagerduty" -> new Channel.PagerDuty(name, f.required("routing_key"),
          f.has("events_url") ? f.uri("events_url") : null);
      case "email" -> new Channel.Email(name, f.strings("to"));
      case "webhook" -> new Channel.Webhook(name, f.uri("url"), f.required("secret"));
      default -> throw f.error("type", "'" + type + "' is not one of slack, pagerduty, email, webhook");
    };
  }

  private static AlertRule rule(Fields f) {
    String name = f.required("name");
    Fields named = f.named(name);
    Condition condition = named.parse("condition", Condition::parse);
    Severity severity = named.parse("severity", s -> Severity.valueOf(s.toUpperCase(Locale.ROOT)), "warning");
    Duration window = named.parse("window", Durations::parse, "5m");
    Map<Dimension, List<String>> where = new EnumMap<>(Dimension.class);
    JsonNode w = f.node.path("where");
    if (!w.isMissingNode()) {
      if (!w.isObject()) throw named.error("where", "must map dimensions to values, e.g. {feature: support-chat}");
      for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
        var e = it.next();
        Dimension d = named.parseValue("where", e.getKey(), Dimension::fromWireName);
        List<String> values = new ArrayList<>();
        if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
        else values.add(e.getValue().asText());
        where.put(d, values);
      }
    }
    Dimension groupBy = f.has("group_by") ? named.parse("group_by", Dimension::fromWireName) : null;
    int minSamples = named.parse("min_samples", Integer::parseInt, "10");
    Duration renotify = f.has("renotify") ? named.parse("renotify", Durations::parse) : null;
    Double budget = f.has("budget") ? named.parse("budget", Double::valueOf) : null;
    try {
      return new AlertRule(name, severity, condition, window, where, groupBy, minSamples,
          f.has("channels") ? f.strings("channels") : List.of(), f.optional("runbook"), renotify, budget);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(named.where + ": " + e.getMessage(), e);
    }
  }

  /** Reads one mapping's fields, naming where it is in every error. */
  private record Fields(String where, JsonNode node, Function<String, String> env) {
    Fields named(String name) {
      return new Fields(where + " '" + name + "'", node, env);
    }

    boolean has(String key) {
      return node.hasNonNull(key);
    }

    String required(String key) {
      String v = optional(key);
      if (v == null || v.isBlank()) throw error(key, "is required");
      return v;
    }

    String optional(String key) {
      JsonNode v = node.path(key);
      if (v.isMissingNode() || v.isNull()) return null;
      if (!v.isValueNode()) throw error(key, "must be a single value");
      return expand(key, v.asText());
    }

    List<String> strings(String key) {
      JsonNode v = node.path(key);
      List<String> out = new ArrayList<>();
      if (v.isArray()) v.forEach(x -> out.add(expand(key, x.asText())));
      else if (v.isValueNode()) out.add(expand(key, v.asText()));
      if (out.isEmpty()) throw error(key, "needs at least one value");
      return out;
    }

    URI uri(String key) {
      String v = required(key);
      return parseValue(key, v, s -> {
        URI u = URI.create(s);
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
          throw new IllegalArgumentException("must be an http(s) URL");
        }
        return u;
      });
    }

    <T> T parse(String key, Function<String, T> parser) {
      return parseValue(key, required(key), parser);
    }

    <T> T parse(String key, Function<String, T> parser, String fallback) {
      String v = optional(key);
      return parseValue(key, v == null ? fallback : v, parser);
    }

    <T> T parseValue(String key, String value, Function<String, T> parser) {
      try {
        return parser.apply(value);
      } catch (IllegalArgumentException e) {
        throw error(key, e.getMessage() == null ? "invalid value" : e.getMessage());
      }
    }

    /** ${VAR} from the environment; a missing variable is an error, never an empty secret. */
    String expand(String key, String value) {
      Matcher m = ENV.matcher(value);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String v = env.apply(m.group(1));
        if (v == null) throw error(key, "environment variable " + m.group(1) + " is not set");
        m.appendReplacement(out, Matcher.quoteReplacement(v));
      }
      m.appendTail(out);
      return out.toString();
    }

    IllegalArgumentException error(String key, String message) {
      return new IllegalArgumentException(where + ": " + key + ": " + message);
    }
  }
}

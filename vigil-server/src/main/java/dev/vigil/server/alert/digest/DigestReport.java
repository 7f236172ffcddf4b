package dev.vigil.server.alert.digest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.AlertEvent;
import dev.vigil.storage.MetricRow;
import dev.vigil.storage.TraceSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** The digest as people read it (plain-text email) and as machines read it (the webhook's JSON). */
final class DigestReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DigestReport() {}

  static String subject(WeeklyDigest d) {
    return "[Vigil weekly] " + d.project() + ": week to " + day(d.toEpochNanos());
  }

  static String text(WeeklyDigest d, String link) {
    StringBuilder s = new StringBuilder(subject(d)).append("\n\n");
    s.append("Per feature, this week vs the week before (").append(day(d.fromEpochNanos())).append(" to ")
        .append(day(d.toEpochNanos())).append("):\n");
    for (WeeklyDigest.FeatureWeek f : d.features()) {
      s.append("\n").append(f.feature()).append('\n');
      s.append(line("calls", count(f.week()), count(f.previous()), "%.0f"));
      s.append(line("error rate", f.week() == null ? null : f.week().errorRate() * 100,
          f.previous() == null ? null : f.previous().errorRate() * 100, "%.2f %%"));
      s.append(line("p95 latency", f.week() == null ? null : f.week().latencyP95Ms(),
          f.previous() == null ? null : f.previous().latencyP95Ms(), "%.0f ms"));
      s.append(line("cost", f.week() == null ? null : f.week().cost(), f.previous() == null ? null : f.previous().cost(), "$%.2f"));
    }
    s.append("\nAlerts that fired: ").append(d.fired().isEmpty() ? "none" : d.fired().size()).append('\n');
    for (AlertEvent a : d.fired()) {
      s.append("  ").append(Instant.ofEpochSecond(0, a.epochNanos())).append("  ").append(a.rule())
          .append(a.group().isEmpty() ? "" : " — " + a.group()).append(a.message() == null ? "" : ": " + a.message()).append('\n');
    }
    traces(s, "Most expensive traces", d.costliest());
    traces(s, "Slowest traces", d.slowest());
    traces(s, "Traces with errors (latest)", d.failed());
    s.append("\nDrift: ");
    if (d.drift() == null) s.append("not reported yet\n");
    else if (d.drift().isEmpty()) s.append("none found\n");
    else d.drift().forEach(line -> s.append("\n  ").append(line));
    if (link != null) s.append("\nOpen in Vigil: ").append(link).append('\n');
    return s.toString();
  }

  static byte[] json(WeeklyDigest d, String link) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    root.put("kind", "weekly_digest");
    root.put("project", d.project());
    root.put("from", Instant.ofEpochSecond(0, d.fromEpochNanos()).toString());
    root.put("to", Instant.ofEpochSecond(0, d.toEpochNanos()).toString());
    ArrayNode features = root.putArray("features");
    for (WeeklyDigest.FeatureWeek f : d.features()) {
      ObjectNode n = features.addObject();
      n.put("feature", f.feature());
      n.set("week", metrics(f.week()));
      n.set("previous_week", metrics(f.previous()));
    }
    ArrayNode fired = root.putArray("alerts_fired");
    for (AlertEvent a : d.fired()) {
      fired.addObject().put("rule", a.rule()).put("group", a.group()).put("value", a.value())
          .put("time", Instant.ofEpochSecond(0, a.epochNanos()).toString()).put("message", a.message());
    }
    ObjectNode worst = root.putObject("worst_traces");
    worst.set("costliest", traces(d.costliest()));
    worst.set("slowest", traces(d.slowest()));
    worst.set("errors", traces(d.failed()));
    if (d.drift() == null) root.putNull("drift"); // DRIFT: null until the drift API is wired in
    else d.drift().forEach(root.putArray("drift")::add);
    root.put("link", link);
    try {
      return JSON.writeValueAsBytes(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static ObjectNode metrics(MetricRow r) {
    if (r == null) return null;
    ObjectNode n = JSON.createObjectNode();
    n.put("calls", r.count());
    n.put("error_rate", r.errorRate());
    n.put("latency_p95_ms", r.latencyP95Ms());
    n.put("cost", r.cost());
    return n;
  }

  private static ArrayNode traces(List<TraceSummary> traces) {
    ArrayNode out = JSON.createArrayNode();
    for (TraceSummary t : traces) {
      out.addObject().put("trace_id", t.traceId()).put("name", t.name()).put("feature", t.feature())
          .put("duration_ms", t.durationNanos() / 1_000_000d).put("cost", t.cost()).put("errors", t.errorCount())
          .put("start_time", Instant.ofEpochSecond(0, t.startEpochNanos()).toString());
    }
    return out;
  }

  private static void traces(StringBuilder s, String title, List<TraceSummary> traces) {
    s.append('\n').append(title).append(traces.isEmpty() ? ": none\n" : ":\n");
    for (TraceSummary t : traces) {
      s.append(String.format(Locale.ROOT, "  %s  %s  %.0f ms  %s%s%n", t.traceId(), t.feature() == null ? "-" : t.feature(),
          t.durationNanos() / 1e6, t.cost() == null ? "unpriced" : String.format(Locale.ROOT, "$%.4f", t.cost()),
          t.errorCount() > 0 ? "  " + t.errorCount() + " error(s)" : ""));
    }
  }

  private static Double count(MetricRow r) {
    return r == null ? null : (double) r.count();
  }

  /** "  calls: 1200 (last week 1000, +20.0 %)". */
  private static String line(String what, Double now, Double before, String format) {
    String n = now == null ? "-" : String.format(Locale.ROOT, format, now);
    String b = before == null ? "-" : String.format(Locale.ROOT, format, before);
    String change = now == null || before == null || before == 0 ? "" : String.format(Locale.ROOT, ", %+.1f %%", (now - before) / before * 100);
    return "  " + what + ": " + n + " (last week " + b + change + ")\n";
  }

  private static String day(long nanos) {
    return LocalDate.ofInstant(Instant.ofEpochSecond(0, nanos), ZoneOffset.UTC).toString();
  }
}

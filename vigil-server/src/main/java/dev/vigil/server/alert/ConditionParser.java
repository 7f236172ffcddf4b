package dev.vigil.server.alert;

import dev.vigil.server.watch.chart.ChartParams;
import dev.vigil.storage.SampleField;
import dev.vigil.storage.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the condition language (docs/alerting.md):
 * <pre>
 * condition := clause ("and" clause)* ["for" DURATION]
 * clause    := metric OP bound
 *            | "trend" ["(" metric ")"] ("decreasing" | "increasing") "over" DURATION
 *            | ("ewma" | "cusum") "(" metric ("," NAME "=" NUMBER)* ")" "out" "of" "control"
 * metric    := NAME | NAME "." AGGREGATE ["(" NUMBER ")"] | ("psi" | "ks") "(" FIELD ")"
 * bound     := NUMBER | [NUMBER "*"] "baseline" [pin] [DURATION | DATE ".." DATE] ["same" "hour"]
 *            | [NUMBER "*"] "budget"
 * pin       := ("prompt_version" | "model" | "release") (NAME | NUMBER | 'QUOTED')
 * </pre>
 * Errors name the token that is wrong and what was expected there. A drift metric (psi, ks) already
 * compares the window with the week before, so it is only compared with a number.
 */
final class ConditionParser {
  private static final Pattern TOKEN = Pattern.compile(
      "\\s*(?:(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?Z?)(?![A-Za-z0-9_])|'(?<str>[^']*)'"
          + "|(?<dur>[0-9]+[smhd])(?![A-Za-z0-9_])|(?<num>-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)"
          + "|(?<word>[A-Za-z][A-Za-z0-9_-]*)|(?<sym>>=|<=|>|<|\\.\\.|[().,=*]))");
  private static final Duration DEFAULT_BASELINE = Duration.ofDays(7);


  private record Token(String text, String kind, int at) {}

  private final String source;
  private final List<Token> tokens = new ArrayList<>();
  private int i;

  private ConditionParser(String source) {
    this.source = source;
    Matcher m = TOKEN.matcher(source);
    int at = 0;
    while (at < source.length()) {
      if (source.substring(at).isBlank()) break;
      if (!m.find(at) || m.start() != at) throw error(firstNonBlank(at), "unexpected character '" + source.charAt(firstNonBlank(at)) + "'");
      String kind = m.group("date") != null ? "date" : m.group("str") != null ? "str" : m.group("dur") != null ? "dur" : m.group("num") != null ? "num" : m.group("word") != null ? "word" : "sym";
      tokens.add(new Token(m.group(kind), kind, m.start(kind)));
      at = m.end();
    }
  }

  static Condition parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("condition is empty; expected e.g. 'error_rate > 0.05 for 5m'");
    }
    return new ConditionParser(text).condition();
  }

  private Condition condition() {
    List<Clause> clauses = new ArrayList<>();
    clauses.add(clause(null));
    while (peekWord("and")) {
      i++;
      clauses.add(clause(clauses.get(clauses.size() - 1).metric()));
    }
    Duration forDuration = Duration.ZERO;
    if (peekWord("for")) {
      i++;
      forDuration = duration("a duration after 'for', like 5m");
    }
    if (i < tokens.size()) throw error(tokens.get(i).at, "unexpected '" + tokens.get(i).text + "'; expected 'and', 'for' or the end");
    return new Condition(clauses, forDuration);
  }

  private Clause clause(MetricRef previous) {
    if (peekWord("trend")) return trend(previous);
    if (peekWord("ewma") || peekWord("cusum")) return chart();
    MetricRef metric = metric();
    Token op = next("a comparison (>, >=, <, <=) after '" + metric.text() + "'");
    if (!op.kind.equals("sym") || !Set.of(">", ">=", "<", "<=").contains(op.text)) {
      throw error(op.at, "'" + op.text + "' is not a comparison; expected >, >=, < or <= after '" + metric.text() + "'");
    }
    int boundAt = i < tokens.size() ? tokens.get(i).at : source.length() - 1;
    Clause.Bound bound = bound();
    if (metric instanceof MetricRef.Drift && !(bound instanceof Clause.Bound.Fixed)) {
      throw error(boundAt, "compare '" + metric.text() + "' with a number, e.g. " + metric.text() + " > 0.2: it already compares the window with the week before");
    }
    return new Clause.Compare(metric, Condition.Comparison.of(op.text), bound);
  }

  private Clause trend(MetricRef previous) {
    Token trend = tokens.get(i++);
    MetricRef metric = previous;
    boolean implied = true;
    if (peekSym("(")) {
      i++;
      metric = metric();
      expectSym(")");
      implied = false;
    } else if (previous == null) {
      throw error(trend.at, "'trend' needs a metric: write 'trend(<metric>) decreasing over 30m' or put it after a comparison");
    }
    notDrift(metric, trend.at, "trended");
    Token dir = next("'decreasing' or 'increasing'");
    if (!dir.text.equals("decreasing") && !dir.text.equals("increasing")) {
      throw error(dir.at, "'" + dir.text + "' is not a direction; expected 'decreasing' or 'increasing'");
    }
    expectWord("over");
    Duration over = duration("a duration after 'over', like 30m");
    if (over.compareTo(Duration.ofMinutes(5)) < 0) throw error(tokens.get(i - 1).at, "a trend needs at least 5m of per-minute values");
    return new Clause.Trend(metric, dir.text.equals("decreasing"), over, implied);
  }

  private Clause chart() {
    Token name = tokens.get(i++);
    ChartParams params = ChartParams.defaults(name.text.equals("ewma") ? ChartParams.Kind.EWMA : ChartParams.Kind.CUSUM);
    expectSym("(");
    MetricRef metric = notDrift(metric(), name.at, "charted");
    while (peekSym(",")) {
      i++;
      Token key = next("a parameter name");
      if (!key.kind.equals("word")) throw error(key.at, "'" + key.text + "' is not a parameter name");
      expectSym("=");
      double value = number("a number for '" + key.text + "'");
      try {
        params = params.with(key.text, value);
      } catch (IllegalArgumentException e) {
        throw error(key.at, e.getMessage());
      }
    }
    expectSym(")");
    expectWord("out");
    expectWord("of");
    expectWord("control");
    return new Clause.Chart(metric, params);
  }

  private MetricRef metric() {
    Token name = next("a metric, e.g. error_rate or answer_relevance.p50");
    if (!name.kind.equals("word")) throw error(name.at, "'" + name.text + "' is not a metric name");
    if (peekSym("(")) {
      if (MetricRef.Drift.TESTS.contains(name.text)) return drift(name);
      throw error(name.at, "unknown function '" + name.text + "'; conditions know psi(…) and ks(…) of a span field, "
          + "ewma(…) out of control, cusum(…) out of control and trend(…) decreasing|increasing over <duration>");
    }
    if (!peekSym(".")) {
      if (name.text.equals("daily_cost")) return new MetricRef.DailyCost();
      try {
        return new MetricRef.Window(RuleMetric.fromWireName(name.text));
      } catch (IllegalArgumentException e) {
        throw error(name.at, e.getMessage() + ", daily_cost, or <score>.<aggregate> like answer_relevance.p50");
      }
    }
    i++;
    Token agg = next("an aggregate after '" + name.text + ".' (" + MetricRef.Aggregate.names() + ")");
    if (name.text.equals("feedback")) {
      if (agg.text.equals("positive_rate")) return new MetricRef.PositiveFeedback();
      MetricRef.FeedbackRate.Rate rate = MetricRef.FeedbackRate.Rate.of(agg.text);
      if (rate == null) {
        throw error(agg.at, "'feedback." + agg.text + "' is unknown; expected feedback.positive_rate, coverage, "
            + "correction_rate, follow_up_rate, abandonment_rate or copy_rate");
      }
      return new MetricRef.FeedbackRate(rate);
    }
    MetricRef.Aggregate aggregate = MetricRef.Aggregate.of(agg.text);
    if (aggregate == null) throw error(agg.at, "'" + agg.text + "' is not a score aggregate; expected one of " + MetricRef.Aggregate.names());
    double argument = 0;
    if (aggregate == MetricRef.Aggregate.SHARE_BELOW) {
      expectSym("(");
      argument = number("the threshold of share_below, e.g. share_below(5)");
      expectSym(")");
    }
    return new MetricRef.ScoreAggregate(name.text, aggregate, argument);
  }

  private MetricRef drift(Token test) {
    expectSym("(");
    Token field = next("a span field, e.g. input_tokens");
    SampleField f;
    try {
      f = SampleField.fromWireName(field.text);
    } catch (IllegalArgumentException e) {
      throw error(field.at, e.getMessage());
    }
    expectSym(")");
    return new MetricRef.Drift(test.text, f);
  }

  /** Drift compares two windows itself: charting, trending or a baseline of it would mean nothing. */
  private MetricRef notDrift(MetricRef m, int at, String what) {
    if (m instanceof MetricRef.Drift) throw error(at, "'" + m.text() + "' compares the window with the week before; it cannot be " + what);
    return m;
  }

  private Clause.Bound bound() {
    double factor = 1;
    if (peekKind("num")) {
      factor = number("a number");
      if (!peekSym("*")) return new Clause.Bound.Fixed(factor);
      i++;
    }
    Token word = next("a number, 'baseline' or 'budget'");
    switch (word.text) {
      case "budget" -> {
        return new Clause.Bound.Budget(factor);
      }
      case "baseline" -> {
        return baseline(factor);
      }
      default -> throw error(word.at, "'" + word.text + "' is not a threshold; expected a number, '<factor> * baseline [7d] [same hour]' or '<factor> * budget'");
    }
  }

  private Clause.Bound baseline(double factor) {
    Clause.Bound.Pin pin = null;
    if (i < tokens.size() && tokens.get(i).kind.equals("word") && Clause.Bound.Pin.ALLOWED.stream().anyMatch(d -> d.wireName().equals(tokens.get(i).text))) {
      Dimension dimension = Dimension.fromWireName(tokens.get(i++).text);
      Token value = next("the " + dimension.wireName() + " the baseline is pinned to, e.g. v1 or 'gpt-4.1'");
      if (value.kind.equals("sym") || value.text.isBlank()) throw error(value.at, "'" + value.text + "' is not a " + dimension.wireName() + "; quote it, e.g. 'gpt-4.1'");
      pin = new Clause.Bound.Pin(dimension, value.text);
    }
    Duration period = DEFAULT_BASELINE;
    Clause.Bound.Range range = null;
    if (peekKind("dur")) {
      period = duration("a baseline period");
    } else if (peekKind("date")) {
      Token from = tokens.get(i);
      Instant start = instant(next("a date"));
      expectSym("..");
      Instant end = instant(next("the end date of the baseline period, e.g. 2026-11-08"));
      if (!start.isBefore(end)) throw error(from.at, "the baseline period " + from.text + ".." + tokens.get(i - 1).text + " is empty; the end (exclusive) must come after the start");
      range = new Clause.Bound.Range(start, end);
      period = Duration.between(start, end);
    }
    boolean sameHour = false;
    if (peekWord("same")) {
      i++;
      expectWord("hour");
      sameHour = true;
      if (range != null) throw error(tokens.get(i - 2).at, "'same hour' compares with earlier weeks before the window; it does not go with a fixed period");
      if (period.compareTo(Duration.ofDays(7)) < 0) throw error(tokens.get(i - 1).at, "'same hour' compares with earlier weeks: the baseline period must be at least 7d");
    }
    return new Clause.Bound.Baseline(factor, period, sameHour, range, pin);
  }

  /** A date (midnight) or date-time, always UTC. */
  private Instant instant(Token t) {
    if (!t.kind.equals("date")) throw error(t.at, "'" + t.text + "' is not a date; expected e.g. 2026-11-01 or 2026-11-01T09:30 (UTC)");
    String text = t.text.endsWith("Z") ? t.text.substring(0, t.text.length() - 1) : t.text;
    try {
      return text.contains("T") ? LocalDateTime.parse(text).toInstant(ZoneOffset.UTC) : LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw error(t.at, "'" + t.text + "' is not a valid date");
    }
  }

  private Duration duration(String expected) {
    Token t = next(expected);
    if (!t.kind.equals("dur")) throw error(t.at, "'" + t.text + "' is not a duration; expected " + expected);
    return Durations.parse(t.text);
  }

  private double number(String expected) {
    Token t = next(expected);
    if (!t.kind.equals("num")) throw error(t.at, "'" + t.text + "' is not a number; expected " + expected);
    return Double.parseDouble(t.text);
  }

  private void expectSym(String sym) {
    Token t = next("'" + sym + "'");
    if (!t.text.equals(sym)) throw error(t.at, "expected '" + sym + "' but found '" + t.text + "'");
  }

  private void expectWord(String word) {
    Token t = next("'" + word + "'");
    if (!t.text.equals(word)) throw error(t.at, "expected '" + word + "' but found '" + t.text + "'");
  }

  private Token next(String expected) {
    if (i >= tokens.size()) throw error(source.length(), "the condition ends too early; expected " + expected);
    return tokens.get(i++);
  }

  private boolean peekWord(String word) {
    return i < tokens.size() && tokens.get(i).kind.equals("word") && tokens.get(i).text.equals(word);
  }

  private boolean peekSym(String sym) {
    return i < tokens.size() && tokens.get(i).kind.equals("sym") && tokens.get(i).text.equals(sym);
  }

  private boolean peekKind(String kind) {
    return i < tokens.size() && tokens.get(i).kind.equals(kind);
  }

  private int firstNonBlank(int at) {
    while (at < source.length() && Character.isWhitespace(source.charAt(at))) at++;
    return Math.min(at, source.length() - 1);
  }

  private IllegalArgumentException error(int at, String message) {
    return new IllegalArgumentException("condition '" + source + "' at column " + (at + 1) + ": " + message);
  }
}

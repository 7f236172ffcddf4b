package dev.vigil.server.demo;

import static dev.vigil.server.demo.Json.obj;

import dev.vigil.util.EpochNanos;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The LLM product behind `vigil demo`: five features, each instrumented in a different dialect,
 * used by a few hundred users with a Zipf-like skew. Deterministic for a seed and a clock: the same
 * calls in the same order give the same requests. Time-dependent behaviour (release changes, the
 * prompt v2 rollout, a short rate-limit incident) is placed relative to the instant the model was
 * created, so a backfilled history already shows it. Not thread-safe: one sender drives it.
 */
final class TrafficModel {
  private static final int USERS = 2000;
  private static final double HOUR_NANOS = 3_600e9;

  private record Feature(String name, double weight, boolean sessions, int topics, Function<Visit, ResourceSpans> writer) {}

  private static final List<Feature> FEATURES = List.of(
      new Feature(SupportChat.FEATURE, 0.42, true, SupportCorpus.TOPICS.size(), SupportChat::trace),
      new Feature(SearchAnswer.FEATURE, 0.20, true, Texts.SEARCH.size(), SearchAnswer::trace),
      new Feature(Summarize.FEATURE, 0.15, false, 1, Summarize::trace),
      new Feature(Classify.FEATURE, 0.15, false, 1, Classify::trace),
      new Feature(IncidentAgent.FEATURE, 0.08, false, 1, IncidentAgent::trace));

  private final Dice dice;
  private final Clock clock;
  private final Mix mix;
  private final Instant anchor;
  private final Zipf users = new Zipf(USERS, 0.8);
  private final Sessions sessions = new Sessions();
  private final UserReactions reactions;

  TrafficModel(long seed, Clock clock) {
    this(seed, clock, Mix.DEFAULT);
  }

  TrafficModel(long seed, Clock clock, Mix mix) {
    this.dice = new Dice(seed);
    this.clock = clock;
    this.mix = mix;
    this.anchor = clock.instant();
    this.reactions = new UserReactions(seed);
  }

  /** Feedback items (native API) for the traces generated since the last call, oldest first. */
  List<Map<String, Object>> drainFeedback() {
    return reactions.drain();
  }

  /**
   * The changes behind the traffic's time-dependent behaviour, as native-API change items: the
   * support-api release three hours before the anchor and the start of the prompt v2 rollout.
   */
  List<Map<String, Object>> changes() {
    long anchorNanos = EpochNanos.of(anchor);
    return List.of(
        obj("type", "change", "id", "demo-prompt-support-answer-v2", "change_type", "prompt_version",
            "feature", SupportChat.FEATURE, "description", "prompt support-answer v2 rollout started (10 % of traffic)",
            "timestamp_unix_nano", Long.toString(anchorNanos - (long) (6 * HOUR_NANOS)),
            "attributes", obj("prompt.name", "support-answer", "prompt.version", "v2")),
        obj("type", "change", "id", "demo-deploy-support-api-2.15.0", "change_type", "deployment",
            "feature", SupportChat.FEATURE, "description", "support-api 2.15.0 deployed",
            "timestamp_unix_nano", Long.toString(anchorNanos - (long) (3 * HOUR_NANOS)),
            "attributes", obj("service.version", "2.15.0")));
  }

  /** {@code traces} traces that finished during the last second; one request per trace. */
  List<ExportTraceServiceRequest> tick(int traces) {
    long now = EpochNanos.of(clock.instant());
    long[] ends = new long[traces];
    for (int i = 0; i < traces; i++) ends[i] = now - (long) (dice.unit() * 1e9);
    Arrays.sort(ends);
    return generate(ends);
  }

  /**
   * {@code traces} traces that finished during the {@code window} before now, oldest first, with a
   * gentle daily rhythm in their density.
   */
  List<ExportTraceServiceRequest> history(Duration window, int traces) {
    long now = EpochNanos.of(clock.instant());
    long span = window.toNanos();
    long[] ends = new long[traces];
    for (int i = 0; i < traces; i++) {
      long t;
      do {
        t = now - (long) (dice.unit() * span);
      } while (dice.unit() > (1 + 0.4 * Math.sin(2 * Math.PI * t / (24 * HOUR_NANOS))) / 1.4);
      ends[i] = t;
    }
    Arrays.sort(ends);
    return generate(ends);
  }

  private List<ExportTraceServiceRequest> generate(long[] ends) {
    List<ExportTraceServiceRequest> out = new ArrayList<>(ends.length);
    for (long end : ends) {
      out.add(ExportTraceServiceRequest.newBuilder().addResourceSpans(trace(end)).build());
    }
    return out;
  }

  private ResourceSpans trace(long endNanos) {
    Instant at = Instant.ofEpochSecond(0, endNanos);
    double hours = (endNanos - EpochNanos.of(anchor)) / HOUR_NANOS;
    Feature feature = pickFeature();
    int rank = users.sample(dice);
    String userId = "user_" + Long.toHexString(mix64(rank) & 0xffffffffL);
    String plan = rank % 10 == 0 ? "enterprise" : rank % 10 < 5 ? "pro" : "free";
    Sessions.Turn turn = feature.sessions()
        ? sessions.next(dice, feature.name(), userId, at, feature.topics())
        : new Sessions.Turn("sess_" + dice.hex(20), 0, 1);
    // A twenty-minute rate-limit storm on the support bot, 2.5 hours before the anchor.
    double boost = feature.name().equals(SupportChat.FEATURE) && hours > -2.5 && hours < -2.17 ? 0.2 : 0;
    Outcome outcome = mix.draw(dice, boost);
    Visit visit = new Visit(dice, endNanos, hours, userId, plan, turn, outcome,
        dice.chance(mix.pii()), dice.chance(mix.unknownModel()));
    ResourceSpans written = feature.writer().apply(visit);
    reactions.react(written, outcome, userId, endNanos, EpochNanos.of(clock.instant()));
    return written;
  }

  private Feature pickFeature() {
    double u = dice.unit();
    for (Feature f : FEATURES) {
      u -= f.weight();
      if (u < 0) return f;
    }
    return FEATURES.getLast();
  }

  /** Stable pseudo-random user ids from ranks (SplitMix64 finalizer). */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}

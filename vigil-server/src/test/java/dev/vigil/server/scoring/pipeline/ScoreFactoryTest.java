package dev.vigil.server.scoring.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.scoring.eval.Outcome;
import dev.vigil.server.scoring.sampling.SamplingPolicy;
import dev.vigil.server.scoring.scorecard.Scorecard;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Score ids must not change between releases: a replay or retry after an upgrade would score twice. */
class ScoreFactoryTest {
  @Test
  void idIsTheHashOfTheSubjectScorecardAndMetricAsBefore() throws Exception {
    var rule = EvaluationRunnerTest.cheap("policy", () -> Outcome.pass("ok"));
    Scorecard card = new Scorecard("safety", List.of("*"), "v7", Scorecard.Target.LLM_CALL, SamplingPolicy.ALL,
        List.of(new Scorecard.Metric("no_advice", rule)), "api", "");
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    String span = "00f067aa0ba902b7";
    // the derivation every stored score id has: SHA-256 of the NUL-joined parts, 16 bytes in hex
    String key = String.join("\u0000", trace, span, "safety", "v7", "no_advice", "policy", "1");
    byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    String expected = "ev_" + HexFormat.of().formatHex(d, 0, 16);

    assertThat(ScoreFactory.id(trace, span, card, card.metrics().get(0))).isEqualTo(expected);
    assertThat(ScoreFactory.id(trace, span, card, card.metrics().get(0))).isEqualTo(expected); // cached tail
    assertThat(ScoreFactory.id(trace, "00f067aa0ba902b8", card, card.metrics().get(0))).isNotEqualTo(expected);
  }
}

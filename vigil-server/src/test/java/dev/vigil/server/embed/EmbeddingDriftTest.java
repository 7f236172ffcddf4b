package dev.vigil.server.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.embed.EmbeddingDrift.Settings;
import dev.vigil.server.embed.EmbeddingDrift.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingDriftTest {
  static final int DIMS = 384;

  /** Unit vectors scattered around {@code center} with Gaussian noise of {@code spread} per dimension. */
  static List<float[]> cloud(float[] center, double spread, int n, Random r) {
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] v = new float[DIMS];
      for (int d = 0; d < DIMS; d++) v[d] = (float) (center[d] + spread * r.nextGaussian());
      out.add(Vectors.normalize(v));
    }
    return out;
  }

  static float[] direction(Random r) {
    float[] v = new float[DIMS];
    for (int d = 0; d < DIMS; d++) v[d] = (float) r.nextGaussian();
    return Vectors.normalize(v);
  }

  @Test
  void theSameDistributionIsStableAndAShiftedOneDrifts() {
    Random r = new Random(42);
    float[] a = direction(r);
    float[] b = direction(r);
    float[] halfway = Vectors.normalize(mix(a, b, 0.5));
    double spread = 0.04; // per dimension: cosine to the centre around 0.55, like real sentence clusters
    List<float[]> baseline = cloud(a, spread, 200, r);
    var same = EmbeddingDrift.compare(baseline, cloud(a, spread, 100, r), Settings.defaults());
    assertThat(same.verdict()).isEqualTo(Verdict.STABLE);
    assertThat(same.farShare()).isLessThan(0.12);
    assertThat(same.centroidSimilarity()).isGreaterThan(0.95);
    assertThat(same.baselineSize()).isEqualTo(200);
    assertThat(same.currentSize()).isEqualTo(100);

    var shifted = EmbeddingDrift.compare(baseline, cloud(halfway, spread, 100, r), Settings.defaults());
    assertThat(shifted.verdict()).isEqualTo(Verdict.DRIFT);
    assertThat(shifted.farShare()).isGreaterThan(0.5);
    assertThat(shifted.pValue()).isLessThan(0.001);
    assertThat(shifted.centroidSimilarity()).isLessThan(same.centroidSimilarity());
    assertThat(shifted.explanation()).contains("100 current samples").contains("95th-percentile");
  }

  @Test
  void withoutDriftAboutOneInTwentyLiesBeyondTheRadius() {
    // the leave-one-out radius keeps the false-alarm share near its nominal 5 % even for small baselines
    Random r = new Random(7);
    float[] a = direction(r);
    int far = 0;
    int total = 0;
    int drifts = 0;
    for (int run = 0; run < 40; run++) {
      var res = EmbeddingDrift.compare(cloud(a, 0.04, 40, r), cloud(a, 0.04, 50, r), Settings.defaults());
      far += Math.round(res.farShare() * 50);
      total += 50;
      if (res.verdict() == Verdict.DRIFT) drifts++;
    }
    assertThat(far / (double) total).isBetween(0.02, 0.10);
    assertThat(drifts).isLessThanOrEqualTo(2);
  }

  @Test
  void tooFewSamplesGiveNoVerdict() {
    Random r = new Random(1);
    float[] a = direction(r);
    var res = EmbeddingDrift.compare(cloud(a, 0.04, 10, r), cloud(a, 0.04, 50, r), Settings.defaults());
    assertThat(res.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
    assertThat(res.explanation()).contains("10 baseline and 50 current samples; at least 30 and 20 are needed");
    assertThat(EmbeddingDrift.compare(cloud(a, 0.04, 40, r), List.of(), Settings.defaults()).verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
  }

  @Test
  void realSentencesOnTheSameTopicAreStableAndANewTopicDrifts() {
    Embedder e = Embedder.shared();
    List<String> billing = combine(new String[] {"How do I", "Can I", "Why can't I", "Where do I", "Is it possible to", "Help me"},
        new String[] {"update the credit card on my account", "download last month's invoice", "change my billing address",
            "get a refund for a double charge", "cancel my subscription before renewal", "switch to annual billing",
            "see why my bill went up", "add a VAT number to invoices"});
    List<String> moreBilling = combine(new String[] {"I need to", "Please tell me how to", "What's the way to"},
        new String[] {"pay an overdue invoice", "remove an old card from billing", "dispute a charge on my statement",
            "change the currency I'm billed in", "get a receipt for my payment", "downgrade my plan to save money", "stop auto-renewal"});
    List<String> cooking = combine(new String[] {"How long should I", "What's the best way to", "Can you tell me how to"},
        new String[] {"roast a whole chicken", "bake sourdough bread at home", "make a creamy risotto", "grill salmon fillets",
            "caramelize onions without burning them", "make fresh pasta dough", "season a cast iron pan"});
    // the same topic: one pool of billing questions, shuffled and split into a baseline and a current week
    List<String> pool = new ArrayList<>(billing);
    pool.addAll(moreBilling);
    java.util.Collections.shuffle(pool, new Random(3));
    List<float[]> baseline = e.embedAll(pool.subList(0, 45));
    var same = EmbeddingDrift.compare(baseline, e.embedAll(pool.subList(45, pool.size())), Settings.defaults());
    var shifted = EmbeddingDrift.compare(baseline, e.embedAll(cooking), Settings.defaults());
    assertThat(same.verdict()).as(same.explanation()).isEqualTo(Verdict.STABLE);
    assertThat(shifted.verdict()).as(shifted.explanation()).isEqualTo(Verdict.DRIFT);
    assertThat(shifted.farShare()).isGreaterThan(0.8);
    assertThat(shifted.centroidSimilarity()).isLessThan(same.centroidSimilarity() - 0.2);
  }

  static List<String> combine(String[] starts, String[] ends) {
    List<String> out = new ArrayList<>();
    for (String s : starts) for (String e : ends) out.add(s + " " + e + "?");
    return out;
  }

  static float[] mix(float[] a, float[] b, double w) {
    float[] v = new float[a.length];
    for (int i = 0; i < a.length; i++) v[i] = (float) ((1 - w) * a[i] + w * b[i]);
    return v;
  }
}

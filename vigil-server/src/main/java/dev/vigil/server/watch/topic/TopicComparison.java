package dev.vigil.server.watch.topic;

import dev.vigil.server.watch.drift.DriftTest;
import dev.vigil.server.watch.drift.SignalDrift;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares the topic shares of two windows, a pure function of their questions: explicit topics as
 * they are, or topics found by clustering the baseline's question embeddings ({@link TopicModel}),
 * with current questions assigned to the nearest one or to "other" when far from all of them.
 */
public final class TopicComparison {
  public static final String NONE = "(none)";
  public static final String OTHER = "other";
  static final int LABEL_CHARS = 60;
  static final int EXAMPLE_CHARS = 200;

  private TopicComparison() {}

  /** Topics named by the spans; questions (parallel lists, may be blank) only give each topic an example. */
  public static TopicReport explicit(List<String> baselineTopics, List<String> baselineTexts, List<String> currentTopics,
      List<String> currentTexts) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, String> examples = new LinkedHashMap<>();
    tally(baselineTopics, baselineTexts, 0, counts, examples);
    tally(currentTopics, currentTexts, 1, counts, examples);
    List<String> ids = new ArrayList<>(counts.keySet());
    ids.sort(Comparator.comparingLong((String t) -> -counts.get(t)[0]).thenComparingLong(t -> -counts.get(t)[1])
        .thenComparing(Comparator.naturalOrder()));
    List<Draft> drafts = new ArrayList<>();
    for (String id : ids) drafts.add(new Draft(id, cut(id, LABEL_CHARS), examples.get(id), counts.get(id)[0], counts.get(id)[1]));
    return report("explicit", null, null, drafts, null);
  }

  /**
   * Topics found in the baseline: unit vectors parallel to their texts; at most {@code maxTopics},
   * k-means seeded with {@code seed}. Fewer than {@link DriftTest#MIN_SAMPLES} baseline questions fit nothing.
   */
  public static TopicReport clusters(List<String> baselineTexts, List<float[]> baseline, List<String> currentTexts,
      List<float[]> current, int maxTopics, long seed) {
    if (baseline.size() < DriftTest.MIN_SAMPLES) {
      List<Draft> none = List.of(new Draft("unclustered", "unclustered", null, baseline.size(), current.size()));
      return report("clusters", null, null, none,
          "fewer than " + DriftTest.MIN_SAMPLES + " baseline questions: no topics to find");
    }
    // Topics are fitted on distinct questions: a question asked fifty times is one point, not a
    // cluster of its own (its silhouette would be perfect), and leaving it out for its "other"
    // judgement leaves all of its copies out. Current copies of a baseline question go where it went.
    Map<String, Integer> distinct = new LinkedHashMap<>();
    List<float[]> points = new ArrayList<>();
    for (int i = 0; i < baseline.size(); i++) {
      if (distinct.putIfAbsent(baselineTexts.get(i), points.size()) == null) points.add(baseline.get(i));
    }
    TopicModel model = TopicModel.fit(points, maxTopics, seed);
    int[] seen = new int[points.size()];
    for (int p = 0; p < points.size(); p++) seen[p] = model.assignBaseline(p, points.get(p));
    int k = model.k();
    long[][] counts = new long[k + 1][2]; // index k is "other"
    for (String text : baselineTexts) counts[slot(seen[distinct.get(text)], k)][0]++;
    List<Integer> otherNow = new ArrayList<>();
    for (int i = 0; i < current.size(); i++) {
      Integer p = distinct.get(currentTexts.get(i));
      int t = p != null ? seen[p] : model.assign(current.get(i));
      counts[slot(t, k)][1]++;
      if (t < 0) otherNow.add(i);
    }
    // topics in the order of their baseline share, named by the baseline question nearest their centre
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < k; c++) order.add(c);
    order.sort(Comparator.comparingLong((Integer c) -> -counts[c][0]).thenComparingInt(c -> c));
    List<Draft> drafts = new ArrayList<>();
    for (int rank = 0; rank < k; rank++) {
      int c = order.get(rank);
      String rep = representative(baselineTexts, baseline, model.centroids().get(c), null);
      drafts.add(new Draft("topic_" + (rank + 1), cut(rep, LABEL_CHARS), cut(rep, EXAMPLE_CHARS), counts[c][0], counts[c][1]));
    }
    String otherExample = otherNow.isEmpty() ? null : representative(currentTexts, current, centre(current, otherNow), otherNow);
    drafts.add(new Draft(OTHER, "other: far from every baseline topic", cut(otherExample, EXAMPLE_CHARS), counts[k][0], counts[k][1]));
    String note = String.format(Locale.ROOT, "%d topics in %d baseline questions, %d distinct%s; a question farther than %.3f "
        + "(cosine distance) from every topic is other", k, baseline.size(), points.size(),
        Double.isNaN(model.silhouette()) ? "" : String.format(Locale.ROOT, " (silhouette %.2f)", model.silhouette()), model.radius());
    return report("clusters", Double.isNaN(model.silhouette()) ? null : model.silhouette(), model.radius(), drafts, note);
  }

  private record Draft(String id, String label, String example, long baselineN, long currentN) {}

  private static TopicReport report(String method, Double silhouette, Double radius, List<Draft> drafts, String note) {
    Map<String, Long> b = new LinkedHashMap<>();
    Map<String, Long> c = new LinkedHashMap<>();
    long nb = 0;
    long nc = 0;
    for (Draft d : drafts) {
      b.put(d.id(), d.baselineN());
      c.put(d.id(), d.currentN());
      nb += d.baselineN();
      nc += d.currentN();
    }
    List<TopicReport.Topic> topics = new ArrayList<>();
    for (Draft d : drafts) {
      if (d.baselineN() + d.currentN() == 0) continue;
      topics.add(new TopicReport.Topic(d.id(), d.label(), d.example(), d.baselineN(), d.currentN(),
          nb == 0 ? 0 : d.baselineN() / (double) nb, nc == 0 ? 0 : d.currentN() / (double) nc));
    }
    SignalDrift signal = SignalDrift.categoricalSampled(TopicReport.SIGNAL, nonEmpty(b, c), nonEmpty(c, b));
    return new TopicReport(method, silhouette, radius, signal, topics, note);
  }

  /** The map without categories empty in both windows. */
  private static Map<String, Long> nonEmpty(Map<String, Long> mine, Map<String, Long> theirs) {
    Map<String, Long> out = new LinkedHashMap<>();
    mine.forEach((k, v) -> {
      if (v + theirs.getOrDefault(k, 0L) > 0) out.put(k, v);
    });
    return out;
  }

  private static void tally(List<String> topics, List<String> texts, int side, Map<String, long[]> counts, Map<String, String> examples) {
    for (int i = 0; i < topics.size(); i++) {
      String t = topics.get(i) == null || topics.get(i).isBlank() ? NONE : topics.get(i);
      counts.computeIfAbsent(t, x -> new long[2])[side]++;
      String q = i < texts.size() ? texts.get(i) : null;
      if (q != null && !q.isBlank() && !examples.containsKey(t)) examples.put(t, cut(q, EXAMPLE_CHARS));
    }
  }

  private static int slot(int topic, int k) {
    return topic < 0 ? k : topic;
  }

  /** The text whose vector is nearest the centre, among {@code among} (all when null). */
  private static String representative(List<String> texts, List<float[]> vectors, float[] centre, List<Integer> among) {
    int best = -1;
    double bestD = Double.MAX_VALUE;
    for (int i = 0; i < vectors.size(); i++) {
      if (among != null && !among.contains(i)) continue;
      double d = KMeans.distance(vectors.get(i), centre);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best < 0 ? null : texts.get(best);
  }

  private static float[] centre(List<float[]> vectors, List<Integer> members) {
    double[] sum = new double[vectors.get(members.get(0)).length];
    for (int i : members) for (int d = 0; d < sum.length; d++) sum[d] += vectors.get(i)[d];
    float[] u = KMeans.unit(sum);
    return u == null ? vectors.get(members.get(0)) : u;
  }

  /** Whitespace collapsed, cut to at most {@code max} characters with an ellipsis, never inside a surrogate pair. */
  static String cut(String text, int max) {
    if (text == null) return null;
    String t = text.strip().replaceAll("\\s+", " ");
    if (t.length() <= max) return t;
    int end = max - 1;
    if (Character.isHighSurrogate(t.charAt(end - 1))) end--;
    return t.substring(0, end) + "…";
  }
}

package dev.vigil.server.scoring.eval;

import dev.vigil.server.embed.Embedder;
import dev.vigil.server.embed.Vectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code prompt_injection}: fails when the input looks like an injection or jailbreak attempt, either
 * because it matches a known pattern ({@link InjectionPatterns}: instruction override, system-prompt
 * exfiltration, role-play jailbreaks such as DAN, fake delimiters and roles, encoding tricks, hidden
 * characters) or because its meaning is close to one of the shipped attack examples
 * ({@code prompt-injection-examples.txt}, cosine similarity ≥ {@code threshold}), which catches
 * paraphrases no pattern anticipates. The pipeline counts each failure as an attempt in
 * {@code vigil_prompt_injection_attempts_total{project,feature}}.
 */
final class PromptInjectionEvaluator implements Evaluator {
  public static final String TYPE = "prompt_injection";
  static final Set<String> KEYS = Set.of("name", "type", "threshold", "patterns", "examples", "use_embeddings", "check");
  static final double DEFAULT_THRESHOLD = 0.62;
  static final List<String> EXAMPLES = examples();

  private final Embedder embedder;
  private final double threshold;
  private final List<Pattern> extraPatterns;
  private final List<String> examples;
  private final boolean useEmbeddings;
  private final Texts check;
  private volatile List<float[]> exampleVectors;

  private PromptInjectionEvaluator(Embedder embedder, double threshold, List<Pattern> extraPatterns, List<String> examples,
      boolean useEmbeddings, Texts check) {
    this.embedder = embedder;
    this.threshold = threshold;
    this.extraPatterns = extraPatterns;
    this.examples = examples;
    this.useEmbeddings = useEmbeddings;
    this.check = check;
  }

  static PromptInjectionEvaluator from(Options o, Embedder embedder) {
    o.allowOnly("a prompt_injection metric", KEYS);
    Double t = o.number("threshold", 0, 1);
    boolean useEmbeddings = o.bool("use_embeddings", true);
    if (useEmbeddings) embedder.warmUp(); // a scorecard that will need the model starts loading it now, in the background
    List<String> examples = new ArrayList<>(EXAMPLES);
    examples.addAll(o.strings("examples"));
    return new PromptInjectionEvaluator(embedder, t == null ? DEFAULT_THRESHOLD : t, o.patterns("patterns", 0), List.copyOf(examples),
        useEmbeddings, Texts.from(o, "input"));
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public void prepare() {
    if (!useEmbeddings) return;
    embedder.awaitLoaded();
    if (!Thread.currentThread().isInterrupted()) {
      try {
        attackVectors(); // the examples too, once
      } catch (RuntimeException e) {
        // a model that failed to load is reported by the evaluation itself
      }
    }
  }

  @Override
  public Outcome evaluate(Subject s) {
    List<String[]> texts = check.of(s);
    if (texts.isEmpty()) return Outcome.NOT_APPLICABLE;
    for (String[] side : texts) {
      for (InjectionPatterns.Rule rule : InjectionPatterns.RULES) {
        Matcher m = rule.pattern().matcher(new InterruptibleText(side[1]));
        if (m.find()) return Outcome.fail(rule.family() + " in the " + side[0] + ": \"" + Texts.quote(side[1], m.start(), m.end()) + "\"");
      }
      for (String decoded : InjectionPatterns.decodedBase64(side[1])) {
        for (InjectionPatterns.Rule rule : InjectionPatterns.RULES) {
          Matcher m = rule.pattern().matcher(new InterruptibleText(decoded));
          if (m.find()) return Outcome.fail(rule.family() + " hidden in Base64 in the " + side[0] + ": \"" + Texts.quote(decoded, m.start(), m.end()) + "\"");
        }
      }
      for (Pattern p : extraPatterns) {
        Matcher m = p.matcher(new InterruptibleText(side[1]));
        if (m.find()) return Outcome.fail("pattern /" + p.pattern() + "/ in the " + side[0] + ": \"" + Texts.quote(side[1], m.start(), m.end()) + "\"");
      }
    }
    if (!useEmbeddings) return Outcome.pass("no known injection pattern");
    List<float[]> attacks = attackVectors();
    double best = -1;
    int nearest = -1;
    String side = null;
    for (String[] t : texts) {
      float[] v = embedder.embed(t[1]);
      for (int i = 0; i < attacks.size(); i++) {
        double sim = Vectors.dot(v, attacks.get(i));
        if (sim > best) {
          best = sim;
          nearest = i;
          side = t[0];
        }
      }
    }
    String near = String.format(Locale.ROOT, "%.2f similar to the attack example \"%s\"", best, Similarity.excerpt(examples.get(nearest), 100));
    return best >= threshold ? Outcome.fail("the " + side + " is " + near)
        : Outcome.pass(String.format(Locale.ROOT, "no known injection pattern; at most %s (threshold %s)", near, Options.plain(threshold)));
  }

  /** Embedded on first use, not at parse time: validating a scorecard must not wait for the model. */
  private List<float[]> attackVectors() {
    List<float[]> v = exampleVectors;
    if (v == null) {
      v = embedder.embedAll(examples);
      exampleVectors = v;
    }
    return v;
  }

  private static List<String> examples() {
    try (InputStream in = PromptInjectionEvaluator.class.getResourceAsStream("prompt-injection-examples.txt")) {
      if (in == null) throw new IllegalStateException("prompt-injection-examples.txt is missing from the build");
      List<String> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) if (!line.isBlank() && !line.startsWith("#")) out.add(line.strip());
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

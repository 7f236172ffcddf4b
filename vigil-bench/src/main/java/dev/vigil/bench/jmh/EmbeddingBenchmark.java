package dev.vigil.bench.jmh;

import dev.vigil.server.embed.Embedder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Embeddings per second on one thread with the in-process MiniLM (the embedding evaluators' cost):
 * a question (~12 words), an answer (~60 words) and a long text cut to Embedder.MAX_CHARS. The
 * cache is off and every call gets a new text, so each op is a real inference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Threads(1)
@Fork(value = 1, jvmArgs = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
public class EmbeddingBenchmark {
  static final String QUESTION = "How do I update the credit card on my account before renewal";
  static final String ANSWER = "Open Settings, then Billing, and choose 'Payment methods'. Add the new card, mark it as the "
      + "default and remove the old one. The change applies to your next invoice; if a payment failed in the meantime we "
      + "retry it automatically within three days, and you can also pay the open invoice by hand from the same page.";
  static final String LONG = ANSWER.repeat(10);

  private Embedder embedder;
  private long n;

  @Setup
  public void setUp() {
    embedder = new Embedder(Embedder::miniLm, 0);
    embedder.embed("warm up"); // loads the model outside the measurement
  }

  @Benchmark
  public float[] question() {
    return embedder.embed(QUESTION + " " + n++);
  }

  @Benchmark
  public float[] answer() {
    return embedder.embed(n++ + " " + ANSWER);
  }

  @Benchmark
  public float[] longText() {
    return embedder.embed(n++ + " " + LONG);
  }
}

package dev.vigil.server.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The real MiniLM model, in-process. */
class EmbedderTest {
  static final Embedder EMBEDDER = Embedder.shared();

  @Test
  void embedsToUnitVectorsThatRankMeaning() {
    List<float[]> v = EMBEDDER.embedAll(List.of("How do I reset my password?", "I forgot my password and cannot log in.",
        "The recipe needs two cups of flour."));
    for (float[] x : v) {
      assertThat(x).hasSize(Embedder.DIMENSIONS);
      assertThat(Vectors.dot(x, x)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }
    double related = Vectors.dot(v.get(0), v.get(1));
    double unrelated = Vectors.dot(v.get(0), v.get(2));
    assertThat(related).isGreaterThan(0.5);
    assertThat(unrelated).isLessThan(0.2);
    assertThat(Vectors.cosine(v.get(0), v.get(1))).isCloseTo(related, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(EMBEDDER.loadMillis()).isPositive();
  }

  @Test
  void cachesRecentTexts() {
    float[] first = EMBEDDER.embed("A sentence to cache.");
    assertThat(EMBEDDER.embed("  A sentence to cache.\n")).isSameAs(first); // stripped before the cache
  }

  @Test
  void boundsTheCacheAndForgetsTheLeastRecentlyUsed() {
    Embedder small = new Embedder(Embedder::miniLm, 2);
    float[] a = small.embed("alpha");
    small.embed("beta");
    assertThat(small.embed("alpha")).isSameAs(a);
    small.embed("gamma"); // evicts beta, the least recently used
    assertThat(small.embed("alpha")).isSameAs(a);
    float[] b = small.embed("beta");
    assertThat(small.embed("beta")).isSameAs(b);
  }

  @Test
  void truncatesLongTextsToTheirOpening() {
    String opening = "Refunds are issued within five business days to the original payment method. ";
    String longText = opening + "Unrelated filler about gardening and tomatoes. ".repeat(200);
    assertThat(Embedder.truncate(longText)).hasSize(Embedder.MAX_CHARS).startsWith(opening);
    assertThat(Embedder.truncate("x".repeat(Embedder.MAX_CHARS - 1) + "😀")).hasSize(Embedder.MAX_CHARS - 1);
    assertThat(EMBEDDER.embed(longText)).isEqualTo(EMBEDDER.embed(Embedder.truncate(longText)));
  }

  @Test
  void isSafeForManyThreads() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 24; i++) texts.add("Question number " + i + " about invoices and billing cycles?");
    Embedder fresh = new Embedder(Embedder::miniLm, 0);
    List<float[]> serial = fresh.embedAll(texts);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<float[]>>> parallel = new ArrayList<>();
      for (int t = 0; t < 4; t++) parallel.add(pool.submit(() -> fresh.embedAll(texts)));
      for (Future<List<float[]>> f : parallel) {
        List<float[]> got = f.get();
        for (int i = 0; i < texts.size(); i++) assertThat(Vectors.dot(got.get(i), serial.get(i))).isGreaterThan(0.9999);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInterruptedCallerGivesUpWithItsFlagSet() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> EMBEDDER.embed("never embedded before " + System.nanoTime())).isInstanceOf(CancellationException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aModelThatCannotLoadIsReportedToEveryCaller() {
    Embedder broken = new Embedder(() -> {
      throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
    }, 10);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> broken.embed("text")).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the embedding model could not be loaded").hasMessageContaining("onnxruntime");
    }
    assertThat(broken.loadMillis()).isEqualTo(-1);
  }
}

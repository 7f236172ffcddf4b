package dev.vigil.server.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 running in-process (ONNX Runtime, no network): 384
 * dimensions, unit length, so cosine similarity is a dot product. Safe for many threads.
 *
 * <p>The model (~90 MB in memory) loads once, on its own daemon thread, on the first {@link #warmUp()}
 * or embedding: a caller waits for it interruptibly, so a scoring evaluation that times out during the
 * first load gives up without abandoning the load, and its retry finds the model ready. A load failure is kept and reported to
 * every caller rather than retried, because it is deterministic (a missing native library).
 *
 * <p>Texts are cut to {@link #MAX_CHARS} characters before embedding. The model was trained on
 * short passages (≤ 256 word pieces); LangChain4j splits anything past 510 word pieces into segments
 * and averages their vectors, which costs time linear in the length for a vector that says little
 * more. 2,000 characters is ~400–500 word pieces of English: one segment, the text's opening, which
 * for questions and answers is where their topic is.
 *
 * <p>Recent texts are cached ({@code cacheSize} entries, least recently used evicted): retrieved
 * documents, system prompts and attack examples recur across calls.
 */
public final class Embedder {
  public static final int DIMENSIONS = 384;
  public static final int MAX_CHARS = 2000;
  private static final int DEFAULT_CACHE = 4096;
  private static volatile Embedder shared;

  private final Supplier<EmbeddingModel> loader;
  private final Map<String, float[]> cache;
  private final int cacheSize;
  private volatile CompletableFuture<Loaded> model;

  /** A loaded model and how long loading took. */
  private record Loaded(EmbeddingModel model, long loadNanos) {}

  public Embedder(Supplier<EmbeddingModel> loader, int cacheSize) {
    this.loader = loader;
    this.cacheSize = cacheSize;
    this.cache = new LinkedHashMap<>(16, 0.75f, true);
  }

  /**
   * The process's one MiniLM: every evaluator and drift monitor shares it, so the model's memory is
   * paid once. Nothing loads until the first text is embedded.
   */
  public static Embedder shared() {
    Embedder e = shared;
    if (e == null) {
      synchronized (Embedder.class) {
        if (shared == null) shared = new Embedder(Embedder::miniLm, DEFAULT_CACHE);
        e = shared;
      }
    }
    return e;
  }

  /** See {@link MiniLm}: one thread per inference, on the caller's thread. */
  public static EmbeddingModel miniLm() {
    return new MiniLm();
  }

  /** Starts loading the model in the background if it has not started yet; returns at once. */
  public void warmUp() {
    loading();
  }

  /**
   * Waits until the model is loaded (or failed to load: that failure is reported by the next
   * {@link #embedAll}); returns early, with the flag set, when the thread is interrupted.
   */
  public void awaitLoaded() {
    try {
      loading().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // reported where the model is used
    }
  }

  /** Milliseconds the model took to load, or -1 while it is not loaded. */
  public long loadMillis() {
    CompletableFuture<Loaded> f = model;
    return f != null && f.isDone() && !f.isCompletedExceptionally() ? f.join().loadNanos() / 1_000_000 : -1;
  }

  public float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }

  /**
   * One unit vector per text, in order. Responds to interruption between texts.
   *
   * @throws CancellationException when the thread is interrupted (its flag stays set)
   * @throws IllegalStateException when the model cannot be loaded
   */
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    EmbeddingModel m = null;
    for (String raw : texts) {
      String text = truncate(raw);
      float[] v = cached(text);
      if (v == null) {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("embedding interrupted");
        if (m == null) m = loaded();
        v = Vectors.normalize(m.embed(text).content().vector());
        remember(text, v);
      }
      out.add(v);
    }
    return out;
  }

  static String truncate(String text) {
    String t = text == null ? "" : text.strip();
    if (t.length() <= MAX_CHARS) return t;
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(t.charAt(end - 1))) end--; // never split a surrogate pair
    return t.substring(0, end);
  }

  private float[] cached(String text) {
    synchronized (cache) {
      return cache.get(text);
    }
  }

  private void remember(String text, float[] v) {
    synchronized (cache) {
      cache.put(text, v);
      if (cache.size() > cacheSize) cache.remove(cache.keySet().iterator().next());
    }
  }

  private EmbeddingModel loaded() {
    try {
      return loading().get().model();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while the embedding model loads");
    } catch (ExecutionException e) {
      throw new IllegalStateException("the embedding model could not be loaded: " + e.getCause(), e.getCause());
    }
  }

  private CompletableFuture<Loaded> loading() {
    CompletableFuture<Loaded> f = model;
    if (f == null) {
      synchronized (this) {
        if (model == null) {
          CompletableFuture<Loaded> loading = new CompletableFuture<>();
          Thread.ofPlatform().name("vigil-embedder-load").daemon().start(() -> {
            long t0 = System.nanoTime();
            try {
              loading.complete(new Loaded(loader.get(), System.nanoTime() - t0));
            } catch (Throwable t) {
              loading.completeExceptionally(t);
            }
          });
          model = loading;
        }
        f = model;
      }
    }
    return f;
  }
}

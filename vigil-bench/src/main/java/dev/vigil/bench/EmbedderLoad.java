package dev.vigil.bench;

import dev.vigil.server.embed.Embedder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the in-process MiniLM costs a fresh JVM: the time to load it (class loading, native libraries,
 * ONNX session) and the resident memory and heap before and after loading and after 1,000 embeddings.
 * Usage: {@code EmbedderLoad}.
 */
public final class EmbedderLoad {
  private EmbedderLoad() {}

  public static void main(String[] args) throws Exception {
    report("before loading");
    Embedder embedder = new Embedder(Embedder::miniLm, 4096);
    long t0 = System.nanoTime();
    embedder.embed("first");
    System.out.printf("load (on its own thread) %d ms; load + first embedding %.0f ms%n", embedder.loadMillis(),
        (System.nanoTime() - t0) / 1e6);
    report("after loading");
    t0 = System.nanoTime();
    for (int i = 0; i < 1000; i++) embedder.embed("Question " + i + ": how do I change the billing address on my invoices?");
    System.out.printf("1,000 distinct questions in %.1f s (%.0f/s, one thread)%n", (System.nanoTime() - t0) / 1e9,
        1000 / ((System.nanoTime() - t0) / 1e9));
    report("after 1,000 embeddings (4,096-entry cache)");
  }

  private static void report(String when) throws Exception {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
        .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
    System.out.printf("%s: RSS %d MB, heap used %d MB%n", when, rss / 1024, (rt.totalMemory() - rt.freeMemory()) >> 20);
  }
}

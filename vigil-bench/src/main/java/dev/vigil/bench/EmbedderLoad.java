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
    // CPU time as well as wall time: on a shared host the wall time says more about the neighbours
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    t0 = System.nanoTime();
    for (int i = 0; i < 1000; i++) embedder.embed("Question " + i + ": how do I change the billing address on my invoices?");
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    System.out.printf("1,000 distinct questions in %.1f s wall (%.0f/s, one thread), %.1f s CPU (%.1f ms CPU each, %.0f per CPU-second)%n",
        wall, 1000 / wall, cpu, cpu, 1000 / cpu);
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

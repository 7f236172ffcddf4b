package dev.vigil.server.cli;

import dev.vigil.server.VigilServer;
import dev.vigil.server.config.VigilConfig;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** Start and orderly shutdown shared by the long-running commands. */
final class Running {
  private Running() {}

  static VigilServer start(VigilConfig config) {
    return VigilServer.start(config, Clock.systemUTC());
  }

  /** Blocks until SIGINT/SIGTERM, then closes the server so the log and index are flushed. */
  static void awaitShutdown(AutoCloseable... closeables) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
      for (AutoCloseable c : closeables) {
        try {
          c.close();
        } catch (Exception e) {
          System.err.println("error while stopping: " + e.getMessage());
        }
      }
      stopped.countDown();
    }));
    stopped.await();
  }

  static String displayHost(VigilConfig config) {
    return config.host().equals("0.0.0.0") ? "localhost" : config.host();
  }
}

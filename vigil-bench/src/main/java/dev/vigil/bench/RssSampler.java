package dev.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples a server's resident memory from /proc/PID/status (Linux): the peak VmRSS seen during the
 * run, and VmHWM, the kernel's own high-water mark since the process started.
 */
final class RssSampler implements AutoCloseable {
  private final Path status;
  private final Thread thread;
  private volatile long peakKb;

  RssSampler(long pid) {
    this.status = Path.of("/proc", Long.toString(pid), "status");
    this.thread = Thread.ofPlatform().daemon().name("rss-sampler").start(this::loop);
  }

  long peakKb() {
    return Math.max(peakKb, read("VmRSS:"));
  }

  long hwmKb() {
    return read("VmHWM:");
  }

  private void loop() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        peakKb = Math.max(peakKb, read("VmRSS:"));
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  /** The value in kB, or 0 when the process is gone or the field is missing. */
  long read(String field) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith(field)) return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}

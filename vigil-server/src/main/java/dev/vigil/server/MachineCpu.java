package dev.vigil.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU load since the previous reading, from 0 to 1 (negative: unknown), for ingest
 * pacing. Kept apart from the JDK's {@code getCpuLoad()}: that one measures since whoever called it
 * last, and the Prometheus scrape calls it too, so a reading just after a scrape said 0 % on a
 * saturated machine. Reads {@code /proc/stat} (Linux); elsewhere, this process's own CPU time.
 */
final class MachineCpu {
  private static final Path PROC_STAT = Path.of("/proc/stat");
  private final com.sun.management.OperatingSystemMXBean os =
      ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean b ? b : null;
  private final int cores = Runtime.getRuntime().availableProcessors();
  private long busy = -1;
  private long total = -1;

  MachineCpu() {
    load(); // the first reading has nothing to compare with: take it now
  }

  synchronized double load() {
    long[] now = machine();
    if (now == null) now = process();
    if (now == null) return -1;
    double load = busy < 0 || now[1] <= total ? -1 : Math.min(1, Math.max(0, (double) (now[0] - busy) / (now[1] - total)));
    busy = now[0];
    total = now[1];
    return load;
  }

  /** {busy, total} jiffies of all CPUs, or null when /proc/stat is not there. */
  private static long[] machine() {
    try {
      return parse(Files.readAllLines(PROC_STAT).get(0));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** {busy, total} from /proc/stat's first line: user nice system idle iowait irq softirq steal ... */
  static long[] parse(String cpuLine) {
    String[] f = cpuLine.trim().split("\\s+");
    if (!f[0].equals("cpu") || f.length < 8) throw new IllegalArgumentException("not /proc/stat's cpu line: " + cpuLine);
    long busy = 0;
    long total = 0;
    for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
      long v = Long.parseLong(f[i]);
      total += v;
      if (i != 4 && i != 5) busy += v; // idle and iowait are the only not-busy times
    }
    return new long[] {busy, total};
  }

  /** {CPU ns this process used per core, wall ns}, or null without the JDK's extended bean. */
  private long[] process() {
    if (os == null) return null;
    long used = os.getProcessCpuTime();
    return used < 0 ? null : new long[] {used / cores, System.nanoTime()};
  }
}

package dev.vigil.server.demo;

import java.util.List;
import java.util.SplittableRandom;

/** The one source of randomness of the demo model: seeded, so a seed replays the same traffic. */
final class Dice {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final SplittableRandom random;

  Dice(long seed) {
    this.random = new SplittableRandom(seed);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double unit() {
    return random.nextDouble();
  }

  int between(int lo, int hiInclusive) {
    return random.nextInt(lo, hiInclusive + 1);
  }

  double uniform(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  /** Latencies and lengths are skewed to the right; a log-normal around a median says so. */
  double logNormal(double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  @SafeVarargs
  final <T> T pick(T... items) {
    return items[random.nextInt(items.length)];
  }

  /** Never all zeros: OTLP treats an all-zero id as missing. */
  byte[] id(int length) {
    byte[] bytes = new byte[length];
    do {
      random.nextBytes(bytes);
    } while (allZero(bytes));
    return bytes;
  }

  String hex(int chars) {
    StringBuilder sb = new StringBuilder(chars);
    for (int i = 0; i < chars; i++) sb.append(HEX[random.nextInt(16)]);
    return sb.toString();
  }

  String alnum(int chars) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder(chars);
    for (int i = 0; i < chars; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return sb.toString();
  }

  private static boolean allZero(byte[] bytes) {
    for (byte b : bytes) if (b != 0) return false;
    return true;
  }
}

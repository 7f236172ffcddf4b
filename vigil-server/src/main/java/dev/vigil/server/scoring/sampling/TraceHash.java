package dev.vigil.server.scoring.sampling;

import java.nio.charset.StandardCharsets;

/**
 * Maps (seed, trace id) to a number in [0, 1) with MurmurHash64A: the same trace gets the same
 * number in every process and after every restart, different seeds (scorecard names) give
 * independent numbers, and the numbers are uniform enough that "below the rate" samples the rate.
 */
public final class TraceHash {
  private static final long M = 0xc6a4a7935bd1e995L;
  private static final int R = 47;

  private TraceHash() {}

  public static double unit(String seed, String traceId) {
    byte[] bytes = (seed + '\u0000' + traceId).getBytes(StandardCharsets.UTF_8);
    return (murmur64(bytes, 0x9747b28cL) >>> 11) * 0x1.0p-53;
  }

  static long murmur64(byte[] data, long seed) {
    int length = data.length;
    long h = seed ^ (length * M);
    int blocks = length / 8;
    for (int i = 0; i < blocks; i++) {
      int o = i * 8;
      long k = (data[o] & 0xffL) | (data[o + 1] & 0xffL) << 8 | (data[o + 2] & 0xffL) << 16 | (data[o + 3] & 0xffL) << 24
          | (data[o + 4] & 0xffL) << 32 | (data[o + 5] & 0xffL) << 40 | (data[o + 6] & 0xffL) << 48 | (data[o + 7] & 0xffL) << 56;
      k *= M;
      k ^= k >>> R;
      k *= M;
      h ^= k;
      h *= M;
    }
    int tail = blocks * 8;
    switch (length & 7) {
      case 7: h ^= (data[tail + 6] & 0xffL) << 48; // fall through
      case 6: h ^= (data[tail + 5] & 0xffL) << 40; // fall through
      case 5: h ^= (data[tail + 4] & 0xffL) << 32; // fall through
      case 4: h ^= (data[tail + 3] & 0xffL) << 24; // fall through
      case 3: h ^= (data[tail + 2] & 0xffL) << 16; // fall through
      case 2: h ^= (data[tail + 1] & 0xffL) << 8; // fall through
      case 1:
        h ^= data[tail] & 0xffL;
        h *= M;
        break;
      default:
        break;
    }
    h ^= h >>> R;
    h *= M;
    h ^= h >>> R;
    return h;
  }
}

package dev.vigil.server.ingest.pii;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Tests on eight bytes at once, held in a long (SIMD within a register): each returns the high bit
 * of every byte that passes. Branch-free, so a word of text costs a few cycles whatever it holds.
 * See "Determine if a word has a byte between m and n" in Sean Anderson's Bit Twiddling Hacks.
 */
final class Swar {
  static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L, HIGHS = 0x8080808080808080L, LOWS = 0x7f7f7f7f7f7f7f7fL;

  private Swar() {}

  /** Bytes strictly between {@code lo} and {@code hi} (both ASCII); exact. */
  static long between(long x, char lo, char hi) {
    long low = x & LOWS;
    return (ONES * (127 + hi) - low) & ~x & (low + ONES * (127 - lo)) & HIGHS;
  }

  /** Bytes equal to {@code c}; exact. */
  static long equal(long x, char c) {
    long v = x ^ ONES * c;
    return ~(((v & LOWS) + LOWS) | v | LOWS);
  }

  /** Bytes equal to {@code c}, and maybe some above one that is: one op cheaper, for a filter. */
  static long roughlyEqual(long x, char c) {
    long v = x ^ ONES * c;
    return (v - ONES) & ~v & HIGHS;
  }

  /** Like roughlyEqual, for a lower-case ASCII letter in either case. */
  static long roughlyEqualIgnoringCase(long x, char lower) {
    return roughlyEqual(x | ONES * 0x20, lower);
  }

  /** Index (0–7) of the byte whose high bit is the lowest set in {@code flags}. */
  static int firstByte(long flags) {
    return Long.numberOfTrailingZeros(flags) >>> 3;
  }
}

package dev.vigil.server.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads request bodies with two caps: the bytes as sent, and the bytes after gzip decompression
 * (so a small gzip bomb cannot inflate past the cap). Exceeding either is 413; bad gzip is 400.
 */
final class Bodies {
  private final long maxWire;
  private final long maxDecompressed;

  Bodies(long maxWire, long maxDecompressed) {
    this.maxWire = maxWire;
    this.maxDecompressed = maxDecompressed;
  }

  byte[] read(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxWire) throw tooLarge("body", maxWire);
    byte[] wire = declared >= 0
        ? readExactly(ctx.req().getInputStream(), (int) declared)
        : readCapped(ctx.req().getInputStream(), maxWire, "body");
    String encoding = ctx.header("Content-Encoding");
    if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) return wire;
    if (!encoding.strip().toLowerCase(Locale.ROOT).equals("gzip")) {
      throw new ApiError(415, "unsupported Content-Encoding '" + encoding + "'; use gzip or none");
    }
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(wire), 8192)) {
      return readCapped(in, maxDecompressed, "decompressed body");
    } catch (ZipException | java.io.EOFException e) {
      throw new ApiError(400, "body is not valid gzip: " + e.getMessage());
    }
  }

  /** With a Content-Length the body lands in one array of the right size: no growing copies. */
  private static byte[] readExactly(InputStream in, int length) throws IOException {
    // readNBytes(int) would gather 8 KB chunks and copy them into the result: twice the garbage
    byte[] body = new byte[length];
    int read = in.readNBytes(body, 0, length);
    if (read < length) throw new ApiError(400, "body ended after " + read + " of " + length + " bytes");
    return body;
  }

  private static byte[] readCapped(InputStream in, long cap, String what) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[65536];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > cap) throw tooLarge(what, cap);
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static ApiError tooLarge(String what, long cap) {
    return new ApiError(413, what + " exceeds the limit of " + cap + " bytes");
  }
}

package dev.vigil.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Static files from one classpath folder (the web UI, the login page). Only plain relative paths
 * are served: no "..", no hidden files, no directories, so a request cannot reach other resources.
 */
final class ClasspathFiles {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("map", "application/json"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("txt", "text/plain; charset=utf-8"));

  /** A file's bytes and its Content-Type. */
  record File(byte[] bytes, String contentType) {}

  private final String root;

  /** @param root the classpath folder, e.g. {@code ui} */
  ClasspathFiles(String root) {
    this.root = root;
  }

  /** True when {@code relative} ends in a file name with an extension (else it is a client route). */
  static boolean hasExtension(String relative) {
    String name = relative.substring(relative.lastIndexOf('/') + 1);
    return name.lastIndexOf('.') > 0;
  }

  Optional<File> find(String relative) {
    if (relative == null || relative.length() > 300 || !SAFE.matcher(relative).matches() || relative.contains("..")) {
      return Optional.empty();
    }
    URL url = ClasspathFiles.class.getClassLoader().getResource(root + "/" + relative);
    if (url == null || directory(url)) return Optional.empty();
    try (InputStream in = url.openStream()) {
      String ext = relative.substring(relative.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      return Optional.of(new File(in.readAllBytes(), TYPES.getOrDefault(ext, "application/octet-stream")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
  }

  /** In a build's target/classes a folder is a resource too; in a jar it is not found at all. */
  private static boolean directory(URL url) {
    if (!"file".equals(url.getProtocol())) return false;
    try {
      return Files.isDirectory(Path.of(url.toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return true;
    }
  }
}

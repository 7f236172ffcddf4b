package dev.vigil.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web UI's files without a browser: everything index.html loads exists, every module import
 * (static and dynamic) resolves, and nothing would trip the Content-Security-Policy
 * ({@code default-src 'self'; style-src 'self'}) or reach off the server (no CDN, no inline code).
 */
class UiResourcesTest {
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/ui/[^\"#?]+)\"");
  private static final Pattern IMPORT = Pattern.compile("(?:from\\s*|import\\s*\\(\\s*)'(\\.{1,2}/[^']+)'");
  private static Path root;

  @BeforeAll
  static void findUi() throws URISyntaxException {
    URL index = UiResourcesTest.class.getClassLoader().getResource("ui/index.html");
    assertThat(index).as("ui/index.html on the class path").isNotNull();
    // the sources, not target/classes: a file deleted from the sources stays there until a clean
    Path sources = Path.of("src", "main", "resources", "ui");
    root = java.nio.file.Files.isDirectory(sources) ? sources : Path.of(index.toURI()).getParent();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Path> files(String ext) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
    }
  }

  @Test
  void everythingIndexHtmlLoadsExists() {
    String html = read(root.resolve("index.html"));
    Matcher m = ASSET.matcher(html);
    List<String> assets = new ArrayList<>();
    while (m.find()) if (m.group(1).contains(".")) assets.add(m.group(1));
    assertThat(assets).contains("/ui/css/app.css", "/ui/js/app.js", "/ui/favicon.svg");
    for (String a : assets) assertThat(root.resolve(a.substring("/ui/".length()))).as(a).isRegularFile();
  }

  @Test
  void everyModuleImportResolvesAndEveryModuleIsUsed() throws IOException {
    Set<Path> seen = new LinkedHashSet<>();
    Deque<Path> todo = new ArrayDeque<>(List.of(root.resolve("js/app.js")));
    while (!todo.isEmpty()) {
      Path file = todo.pop().normalize();
      if (!seen.add(file)) continue;
      Matcher m = IMPORT.matcher(read(file));
      while (m.find()) {
        Path target = file.getParent().resolve(m.group(1)).normalize();
        assertThat(target).as("%s imports %s", root.relativize(file), m.group(1)).isRegularFile();
        todo.push(target);
      }
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(files(".js").stream().map(Path::normalize).toList());
  }

  @Test
  void indexHtmlHasNoInlineCodeOrStyles() {
    String html = read(root.resolve("index.html"));
    assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
        .doesNotContainPattern("\\son[a-z]+\\s*=")
        .doesNotContainPattern("\\sstyle\\s*=")
        .doesNotContain("<style");
  }

  @Test
  void scriptsBuildNoMarkupFromStringsAndSetNoStyleAttributes() throws IOException {
    for (Path js : files(".js")) {
      String code = read(js);
      assertThat(code).as(root.relativize(js).toString())
          .doesNotContain("innerHTML", "outerHTML =", "insertAdjacentHTML", "document.write", "eval(", "new Function(",
              "setAttribute('style'", "cssText", "javascript:")
          .doesNotContainPattern("https?://(?!www\\.w3\\.org/2000/svg)"); // nothing from elsewhere; the SVG namespace is a name
    }
  }

  @Test
  void stylesLoadNothingFromElsewhere() throws IOException {
    for (Path css : files(".css")) {
      assertThat(read(css)).as(root.relativize(css).toString()).doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//")
          .doesNotContain("@import");
    }
  }
}

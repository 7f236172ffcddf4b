package dev.vigil.server.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.server.scoring.eval.Evaluators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading scorecard files: edits take effect, a broken edit keeps the previous version in force. */
class ScorecardFilesTest {
  static final ScorecardParser PARSER = new ScorecardParser(new Evaluators("US"));
  static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir
  Path dir;

  static String card(String name, int max) {
    return """
        name: %s
        feature: support-chat
        sampling:
          rate: 1.0
        metrics:
          - name: concise
            type: length
            max: %d
        """.formatted(name, max);
  }

  ScorecardFiles files() {
    return new ScorecardFiles(dir, PARSER, Clock.fixed(T, ZoneOffset.UTC));
  }

  @Test
  void anEditIsPickedUpOnTheNextPoll() throws Exception {
    Files.writeString(dir.resolve("support.yaml"), card("support", 40));
    ScorecardFiles files = files();
    String v1 = files.current().get(0).version();

    assertThat(files.poll()).as("nothing changed").isFalse();
    Files.writeString(dir.resolve("support.yaml"), card("support", 80));
    assertThat(files.poll()).isTrue();

    assertThat(files.current()).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("support");
      assertThat(c.version()).isNotEqualTo(v1);
      assertThat(c.yaml()).contains("max: 80");
    });
    assertThat(files.problems()).isEmpty();
  }

  @Test
  void aBrokenEditKeepsThePreviousVersionAndSaysWhy() throws Exception {
    Path file = dir.resolve("support.yaml");
    Files.writeString(file, card("support", 40));
    ScorecardFiles files = files();
    String v1 = files.current().get(0).version();

    Files.writeString(file, card("support", 40).replace("max: 40", "max: lots"));
    assertThat(files.poll()).isFalse();

    assertThat(files.current()).singleElement().satisfies(c -> assertThat(c.version()).isEqualTo(v1));
    assertThat(files.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(file.toString());
      assertThat(p.since()).isEqualTo(T);
      assertThat(p.problems()).singleElement().asString().startsWith(file + ":8:").contains("max");
    });

    Files.writeString(file, card("support", 60));
    assertThat(files.poll()).isTrue();
    assertThat(files.problems()).isEmpty();
    assertThat(files.current().get(0).yaml()).contains("max: 60");
  }

  @Test
  void filesComeAndGoAndANameClashIsRefused() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), card("alpha", 40));
    ScorecardFiles files = files();

    Files.writeString(dir.resolve("b.yml"), card("beta", 40));
    Files.writeString(dir.resolve("c.yaml"), card("alpha", 99));
    Files.writeString(dir.resolve("notes.txt"), "not a scorecard");
    assertThat(files.poll()).isTrue();
    assertThat(files.current()).extracting(Scorecard::name).containsExactly("alpha", "beta");
    assertThat(files.current().get(0).yaml()).contains("max: 40");
    assertThat(files.problems()).singleElement().satisfies(p ->
        assertThat(p.problems().get(0)).contains("'alpha' is already used by " + dir.resolve("a.yaml")));

    Files.delete(dir.resolve("b.yml"));
    Files.delete(dir.resolve("c.yaml"));
    assertThat(files.poll()).isTrue();
    assertThat(files.current()).extracting(Scorecard::name).containsExactly("alpha");
    assertThat(files.problems()).isEmpty();
  }

  @Test
  void aBrokenFileAtStartUpIsAnError() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), "name: [unclosed");
    assertThatThrownBy(this::files).isInstanceOf(ScorecardException.class).hasMessageContaining("bad.yaml");
  }

  @Test
  void aMissingDirectoryHoldsNone() {
    ScorecardFiles files = new ScorecardFiles(dir.resolve("absent"), PARSER, Clock.systemUTC());
    assertThat(files.current()).isEmpty();
    assertThat(files.poll()).isFalse();
  }
}

package dev.vigil.server.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every OTLP/JSON fixture under src/test/resources/otlp is decoded and normalized, and the result is
 * compared as a JSON tree with its NAME.expected.json. After an intended change, rerun with
 * -Dvigil.golden.update=true to rewrite the expectations, then review their diff.
 */
class OtlpGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/otlp");
  private static final boolean UPDATE = Boolean.getBoolean("vigil.golden.update");

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.endsWith(".expected.json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void normalizesAsExpected(String fixture) throws IOException {
    byte[] body = Files.readAllBytes(DIR.resolve(fixture));
    JsonNode actual = fixture.endsWith(".logs.json") ? logs(body) : traces(body);
    Path expectedFile = DIR.resolve(fixture.replace(".json", ".expected.json"));
    if (UPDATE || !Files.exists(expectedFile)) {
      Files.writeString(expectedFile, GoldenJson.MAPPER.writeValueAsString(actual) + "\n");
      if (!UPDATE) fail("wrote missing " + expectedFile + ": review it, then rerun");
      return;
    }
    JsonNode expected = GoldenJson.MAPPER.readTree(expectedFile.toFile());
    List<String> diff = GoldenJson.diff(expected, actual);
    if (!diff.isEmpty()) {
      fail(fixture + " differs from " + expectedFile.getFileName() + " (" + diff.size() + " differences):\n  "
          + String.join("\n  ", diff));
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static JsonNode traces(byte[] body) {
    var request = OtlpDecoding.parseTracesJson(body);
    NormalizedTraces result = new TraceNormalizer().normalize(request, "vigil.feature");
    // the same request as binary protobuf, through the direct decoder, normalizes to the same spans
    NormalizedTraces binary = new TraceNormalizer().normalize(
        OtlpDecoding.decodeTracesProtobuf(request.toByteArray()), "vigil.feature");
    assertThat(binary).isEqualTo(result);
    ObjectNode node = GoldenJson.MAPPER.createObjectNode();
    node.put("rejectedSpans", result.rejectedSpans());
    node.set("errors", GoldenJson.tree(result.errors()));
    node.set("spans", GoldenJson.tree(result.spans()));
    return node;
  }

  private static JsonNode logs(byte[] body) {
    NormalizedLogs result = new LogNormalizer().normalize(OtlpDecoding.parseLogsJson(body));
    ObjectNode node = GoldenJson.MAPPER.createObjectNode();
    node.put("rejected", result.rejected());
    node.put("ignored", result.ignored());
    node.set("errors", GoldenJson.tree(result.errors()));
    node.set("attachments", GoldenJson.tree(result.attachments()));
    return node;
  }
}

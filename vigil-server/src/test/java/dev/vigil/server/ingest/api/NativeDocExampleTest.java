package dev.vigil.server.ingest.api;

import static dev.vigil.server.ingest.api.NativeTestSupport.decode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The curl example in docs/native-ingest.md must stay a valid request that does what the text says. */
class NativeDocExampleTest {

  @Test
  void documentedExampleIsAccepted() throws Exception {
    String doc = Files.readString(Path.of("../docs/native-ingest.md"));
    int start = doc.indexOf("<<'EOF'\n") + "<<'EOF'\n".length();
    NativeBatch b = decode(doc.substring(start, doc.indexOf("\nEOF\n", start)));

    assertThat(b.results()).allSatisfy(r -> assertThat(r.error()).isNull()).hasSize(6);
    Span root = b.spans().get(0);
    Span retrieval = b.spans().get(1);
    Span llm = b.spans().get(2);
    assertThat(retrieval.parentSpanId()).isEqualTo(root.spanId());
    assertThat(llm.parentSpanId()).isEqualTo(retrieval.spanId());
    assertThat(llm.name()).isEqualTo("chat gpt-4o");
    assertThat(llm.startEpochNanos()).isBetween(root.startEpochNanos(), root.endEpochNanos());
    assertThat(llm.endEpochNanos()).isBetween(root.startEpochNanos(), root.endEpochNanos());
    assertThat(b.scores()).hasSize(1);
    assertThat(b.feedback()).hasSize(1);
    assertThat(b.changes()).hasSize(1);
  }
}

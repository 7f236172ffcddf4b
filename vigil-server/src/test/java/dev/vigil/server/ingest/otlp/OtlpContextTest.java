package dev.vigil.server.ingest.otlp;

import static dev.vigil.server.ingest.otlp.ProtoSpans.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpContextTest {
  @Test
  void userAndSessionFromEachDialect() {
    assertThat(one("enduser.id", "e").userId()).isEqualTo("e");
    assertThat(one("langfuse.user.id", "l").userId()).isEqualTo("l");
    assertThat(one("traceloop.association.properties.user_id", "t").userId()).isEqualTo("t");
    assertThat(one("llm.user", "u").userId()).isEqualTo("u");
    assertThat(one("user.id", "first", "llm.user", "second").userId()).isEqualTo("first");
    assertThat(one("gen_ai.conversation.id", "c").sessionId()).isEqualTo("c");
    assertThat(one("langfuse.session.id", "l").sessionId()).isEqualTo("l");
    assertThat(one("traceloop.association.properties.session_id", "t").sessionId()).isEqualTo("t");
  }

  @Test
  void tagsFromListsAndJsonText() {
    assertThat(one("tag.tags", List.of("a", "b")).tags()).containsExactly("a", "b");
    assertThat(one("tag.tags", "[\"a\",\"b\"]", "langfuse.trace.tags", List.of("b", "c")).tags())
        .containsExactly("a", "b", "c");
    assertThat(one("langfuse.trace.tags", "solo").tags()).containsExactly("solo");
  }

  @Test
  void metadataFromEachDialect() {
    Span s = one("metadata", "{\"tenant\":\"acme\",\"n\":3,\"nested\":{\"k\":true}}",
        "langfuse.trace.metadata.region", "eu", "langfuse.observation.metadata.step", 2L,
        "traceloop.association.properties.plan", "pro", "traceloop.association.properties.user_id", "u");
    assertThat(s.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("tenant", "acme", "n", "3",
        "nested", "{\"k\":true}", "region", "eu", "step", "2", "plan", "pro"));
  }

  @Test
  void promptEnvironmentAndRelease() {
    Span traceloop = one("traceloop.prompt.key", "joke", "traceloop.prompt.version", 4L);
    assertThat(traceloop.promptName()).isEqualTo("joke");
    assertThat(traceloop.promptVersion()).isEqualTo("4");
    Span langfuse = one("langfuse.observation.prompt.name", "qa", "langfuse.observation.prompt.version", 2L,
        "langfuse.environment", "staging", "langfuse.release", "r7");
    assertThat(langfuse.promptName()).isEqualTo("qa");
    assertThat(langfuse.promptVersion()).isEqualTo("2");
    assertThat(langfuse.environment()).isEqualTo("staging");
    assertThat(langfuse.release()).isEqualTo("r7");
    assertThat(one("deployment.environment", "old-name").environment()).isEqualTo("old-name");
  }

  @Test
  void featureFromTheConfiguredAttributeElseServiceName() {
    assertThat(one("vigil.feature", "search").feature()).isEqualTo("search");
    Span none = one();
    assertThat(none.serviceName()).isEqualTo("svc");
    assertThat(none.feature()).isEqualTo("svc");
  }
}

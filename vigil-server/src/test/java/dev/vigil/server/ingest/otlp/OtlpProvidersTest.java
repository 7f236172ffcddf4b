package dev.vigil.server.ingest.otlp;

import static dev.vigil.server.ingest.otlp.ProtoSpans.one;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtlpProvidersTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "openai, openai", "OpenAI, openai", "Anthropic, anthropic", "vertex_ai, gcp.vertex_ai",
      "vertexai, gcp.vertex_ai", "gemini, gcp.gemini", "az.ai.inference, azure.ai.inference",
      "az.ai.openai, azure.ai.openai", "Azure, azure.ai.openai", "xai, x_ai", "MistralAI, mistral_ai",
      "mistralai, mistral_ai", "AWS, aws.bedrock", "bedrock, aws.bedrock", "Google, gcp.gen_ai", "Cohere, cohere",
      "Ollama, ollama", "Groq, groq", "ibm.watsonx.ai, ibm.watsonx.ai", "' DeepSeek ', deepseek",
      "My-Own-LLM, my-own-llm"})
  void aliasesNormalizeToWellKnownValues(String sent, String expected) {
    assertThat(Providers.normalize(sent)).isEqualTo(expected);
  }

  @Test
  void newNameWinsOverOldAndOpenInference() {
    assertThat(one("gen_ai.request.model", "m", "gen_ai.provider.name", "azure.ai.openai", "gen_ai.system", "openai",
        "llm.provider", "aws").llm().provider()).isEqualTo("azure.ai.openai");
    assertThat(one("gen_ai.request.model", "m", "gen_ai.system", "Anthropic", "llm.provider", "aws").llm().provider())
        .isEqualTo("anthropic");
    // OpenInference: the hosting provider says more than the model family
    assertThat(one("openinference.span.kind", "LLM", "llm.system", "anthropic", "llm.provider", "aws").llm().provider())
        .isEqualTo("aws.bedrock");
    assertThat(one("openinference.span.kind", "LLM", "llm.system", "vertexai").llm().provider())
        .isEqualTo("gcp.vertex_ai");
    assertThat(one("openinference.span.kind", "LLM").llm().provider()).isNull();
  }
}

package dev.vigil.server.ingest.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceTableTest {
  private final PriceTable table = PriceTable.loadDefault();

  @Test
  void shippedTableLoadsAndEveryPatternCompiles() throws Exception {
    try (InputStream in = PriceTable.class.getResourceAsStream("model-prices.json")) {
      List<PriceTable.Entry> entries = PriceFile.read(in); // compiles every pattern or throws
      assertThat(entries).hasSize(195);
      assertThat(entries).allSatisfy(e -> assertThat(e.pattern()).isNotNull());
    }
    assertThat(table.size()).isEqualTo(195);
    assertThat(PriceTable.loadDefault()).isSameAs(table);
  }

  @Test
  void everyModelIsFoundUnderItsOwnNameAndProvider() {
    // guards against one entry shadowing another after provider preference is applied
    for (PriceTable.Entry e : table.entries()) {
      if (!e.pattern().matcher(e.price().model()).matches()) continue; // e.g. Bedrock ids
      assertThat(table.find(e.price().provider(), e.price().model())).as(e.price().model())
          .contains(e.price());
    }
  }

  @Test
  void findsOpenAiModels() {
    assertPrice(null, "gpt-4o", "gpt-4o", "openai", 2.5, 10);
    assertThat(price("openai", "gpt-4o").cacheRead()).isEqualTo(1.25);
    assertPrice("openai", "gpt-4o-2024-08-06", "gpt-4o-2024-08-06", "openai", 2.5, 10);
    assertPrice("openai", "gpt-4o-mini", "gpt-4o-mini", "openai", 0.15, 0.6);
    assertPrice("openai", "o3-mini", "o3-mini", "openai", 1.1, 4.4);
    assertThat(price("openai", "o3-mini").reasoning()).isEqualTo(4.4);
    assertPrice("openai", "gpt-4.1", "gpt-4.1", "openai", 2, 8);
    assertPrice("openai", "text-embedding-3-small", "text-embedding-3-small", "openai", 0.02, 0.02);
    assertPrice("openai", "gpt-3.5-turbo", "gpt-3.5-turbo", "openai", 0.5, 1.5);
    assertPrice("openai", "ft:gpt-3.5-turbo-0613:acme::8abc", "ft:gpt-3.5-turbo-0613", "openai", 12, 16);
  }

  @Test
  void findsAnthropicModelsOnEveryPlatform() {
    ModelPrice sonnet35 = price("anthropic", "claude-3-5-sonnet-20241022");
    assertThat(sonnet35.model()).isEqualTo("claude-3.5-sonnet-20241022");
    assertThat(sonnet35).extracting(ModelPrice::provider, ModelPrice::input, ModelPrice::output,
        ModelPrice::cacheRead, ModelPrice::cacheWrite).containsExactly("anthropic", 3.0, 15.0, 0.3, 3.75);
    assertPrice("anthropic", "claude-sonnet-4-20250514", "claude-sonnet-4-20250514", "anthropic", 3, 15);
    assertPrice("aws.bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0", "claude-3-5-sonnet-20240620",
        "aws.bedrock", 3, 15);
    assertPrice("aws.bedrock", "us.anthropic.claude-sonnet-4-20250514-v1:0", "claude-sonnet-4-20250514",
        "aws.bedrock", 3, 15);
    assertPrice("gcp.vertex_ai", "claude-3-5-sonnet-v2@20241022", "claude-3.5-sonnet-20241022",
        "gcp.vertex_ai", 3, 15);
  }

  @Test
  void findsGeminiModels() {
    ModelPrice pro = price("gcp.gemini", "gemini-2.5-pro");
    assertThat(pro).extracting(ModelPrice::provider, ModelPrice::input, ModelPrice::output)
        .containsExactly("gcp.gemini", 1.25, 10.0);
    assertThat(pro.tiers()).containsExactly(new PriceTier(200_000, 2.5, 15, 0.25, null, 15.0));
    assertPrice("gcp.gemini", "models/gemini-2.5-flash", "gemini-2.5-flash", "gcp.gemini", 0.3, 2.5);
    assertPrice("gcp.vertex_ai", "gemini-2.0-flash-001@default", "gemini-2.0-flash-001", "gcp.gemini", 0.1, 0.4);
    // not in the source list at the pinned commit, so honestly unpriced rather than guessed
    assertThat(table.find("gcp.gemini", "gemini-1.5-flash")).isEmpty();
  }

  @Test
  void normalizesRoutingPrefixesCaseAndWhitespace() {
    assertPrice(null, "openai/gpt-4o", "gpt-4o", "openai", 2.5, 10);
    assertPrice("openai", "  GPT-4o  ", "gpt-4o", "openai", 2.5, 10);
    assertPrice(null, "openrouter/anthropic/claude-sonnet-4-20250514", "claude-sonnet-4-20250514", "anthropic", 3, 15);
    assertPrice("azure.ai.openai", "azure/gpt-4o-mini", "gpt-4o-mini", "openai", 0.15, 0.6);
  }

  @Test
  void prefersTheCallsProviderWhenSeveralEntriesMatch() {
    // "claude-opus-4" is both an Anthropic API alias and a Vertex AI id
    assertThat(price("gcp.vertex_ai", "claude-opus-4").provider()).isEqualTo("gcp.vertex_ai");
    assertThat(price("anthropic", "claude-opus-4").provider()).isEqualTo("anthropic");
    assertThat(price(null, "claude-opus-4").provider()).isEqualTo("anthropic"); // earlier entry
  }

  @Test
  void unknownBlankAndOverlongNamesAreNotFound() {
    assertThat(table.find("openai", "my-own-finetune")).isEmpty();
    assertThat(table.find("openai", null)).isEmpty();
    assertThat(table.find("openai", "  ")).isEmpty();
    assertThat(table.find("openai", "gpt-4o" + " ".repeat(PriceTable.MAX_NAME_LENGTH))).isEmpty();
  }

  @Test
  void repeatedLookupsAreServedFromTheMemo() {
    Optional<ModelPrice> first = table.find("openai", "gpt-4o-2024-11-20");
    assertThat(table.find("openai", "gpt-4o-2024-11-20")).isSameAs(first);
  }

  @Test
  void memoIsBoundedEvenForEndlesslyNewNames() {
    PriceTable fresh = new PriceTable(table.entries());
    for (int i = 0; i < PriceTable.MAX_CACHED + 7; i++) {
      fresh.find("openai", "junk-" + i);
      assertThat(fresh.memoSize()).isLessThanOrEqualTo(PriceTable.MAX_CACHED);
    }
    assertThat(fresh.find("openai", "gpt-4o")).map(ModelPrice::model).contains("gpt-4o");

    BoundedCache<String, String> cache = new BoundedCache<>(3);
    for (String k : List.of("a", "b", "c")) cache.put(k, k);
    assertThat(cache.size()).isEqualTo(3);
    cache.put("d", "d");
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.get("d")).isEqualTo("d");
  }

  @Test
  void malformedEntriesFailTheLoadNamingTheModel() {
    String json = """
        [{"model": "bad", "provider": "openai", "pattern": "gpt-(4", "input": 1, "output": 2}]""";
    assertThatThrownBy(() -> PriceFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("bad").hasMessageContaining("pattern");
    String negative = """
        [{"model": "neg", "provider": "openai", "pattern": "neg", "input": -1, "output": 2}]""";
    assertThatThrownBy(() -> PriceFile.read(new ByteArrayInputStream(negative.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("neg");
  }

  private ModelPrice price(String provider, String model) {
    return table.find(provider, model).orElseThrow(() -> new AssertionError("no price for " + model));
  }

  private void assertPrice(String provider, String name, String model, String priceProvider, double in, double out) {
    ModelPrice p = price(provider, name);
    assertThat(p).extracting(ModelPrice::model, ModelPrice::provider, ModelPrice::input, ModelPrice::output)
        .as(name).containsExactly(model, priceProvider, in, out);
  }
}

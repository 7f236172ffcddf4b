package dev.vigil.server.scoring.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for a paid LLM provider: a real HTTP server on 127.0.0.1 speaking the OpenAI
 * {@code POST /v1/chat/completions} wire protocol. Replies are scripted in order; when the script
 * runs out it answers {@link #fallback}. Every request body is kept for assertions.
 */
public final class OpenAiStub implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One scripted answer: HTTP status, headers, body, and how long to wait before answering. */
  public record Answer(int status, Map<String, String> headers, String body, long delayMillis) {}

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile Answer fallback = completion("{\"score\": 5, \"reason\": \"fine\"}", 10, 5);

  public OpenAiStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  /** The base URL a judge is configured with. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public OpenAiStub then(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  public OpenAiStub always(Answer answer) {
    fallback = answer;
    return this;
  }

  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** A chat completion whose assistant message is {@code content}, with the usage a provider reports. */
  public static Answer completion(String content, int promptTokens, int completionTokens) {
    ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-stub").put("object", "chat.completion")
        .put("created", 1_763_800_000L).put("model", "judge-model");
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
    return new Answer(200, Map.of("Content-Type", "application/json"), body.toString(), 0);
  }

  public static Answer error(int status, Map<String, String> headers, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error").put("message", message).put("type", status == 429 ? "rate_limit_exceeded" : "server_error");
    Map<String, String> h = new java.util.HashMap<>(headers);
    h.put("Content-Type", "application/json");
    return new Answer(status, h, body.toString(), 0);
  }

  public static Answer slow(Answer a, long delayMillis) {
    return new Answer(a.status(), a.headers(), a.body(), delayMillis);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      requests.add(JSON.readTree(ex.getRequestBody().readAllBytes()));
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      authorizations.add(auth == null ? "" : auth);
      Answer a = script.poll();
      if (a == null) a = fallback;
      if (a.delayMillis() > 0) {
        try {
          Thread.sleep(a.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(a.status(), bytes.length);
      ex.getResponseBody().write(bytes);
    } catch (IOException e) {
      // the client gave up (a timeout test): nothing to answer
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}

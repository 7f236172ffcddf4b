package dev.vigil.server;

import dev.vigil.server.config.ConfigLoader;
import dev.vigil.server.config.VigilConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** A real Vigil on 127.0.0.1 and a free port, with a known admin key, for integration tests. */
public final class TestServer implements AutoCloseable {
  public static final String KEY = "vgl_test_key_0123456789abcdef";

  public final VigilServer server;
  public final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public TestServer(Path dataDir) {
    this(dataDir, Map.of(), Clock.systemUTC());
  }

  public TestServer(Path dataDir, Map<String, String> env, Clock clock) {
    VigilConfig config = new ConfigLoader(env).load(null).withAddress("127.0.0.1", 0).withDataDir(dataDir)
        .withInitApiKey(KEY);
    server = VigilServer.start(config, clock);
    base = URI.create("http://127.0.0.1:" + server.port());
  }

  /** Waits until everything acknowledged is queryable (ingest is durable at once, indexed shortly after). */
  public void flush() {
    server.storage().flush();
  }

  public HttpResponse<String> get(String path, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (key != null) b.header("Authorization", "Bearer " + key);
    return send(b.build());
  }

  public HttpResponse<String> post(String path, String key, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) b.header("Authorization", "Bearer " + key);
    if (contentType != null) b.header("Content-Type", contentType);
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return send(b.build());
  }

  public HttpResponse<byte[]> postBytes(String path, String key, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) b.header("Authorization", "Bearer " + key);
    if (contentType != null) b.header("Content-Type", contentType);
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> json(String method, String path, String key, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) b.header("Authorization", "Bearer " + key);
    b.header("Content-Type", "application/json");
    return send(b.build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}

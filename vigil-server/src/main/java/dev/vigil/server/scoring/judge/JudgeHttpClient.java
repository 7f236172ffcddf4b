package dev.vigil.server.scoring.judge;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * LangChain4j's transport for the judge, on the JDK's HTTP client. It exists for one reason: an error
 * reply's Retry-After header, which LangChain4j's own client drops, travels on in a
 * {@link ProviderHttpException}. It never logs: requests carry the API key. No streaming.
 */
final class JudgeHttpClient implements HttpClient {
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
  private static final int MAX_ERROR_BODY = 300;

  private final java.net.http.HttpClient http;
  private final Duration readTimeout;

  JudgeHttpClient(Duration connectTimeout, Duration readTimeout) {
    // HTTP/1.1: the JDK's default h2c upgrade on plain http:// confuses some local model servers
    this.http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout).build();
    this.readTimeout = readTimeout;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
    request.headers().forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) values.forEach(v -> b.header(name, v));
    });
    b.method(request.method().name(), request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    HttpResponse<String> response;
    try {
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new TimeoutException("no answer within " + readTimeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the judge", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map()).body(response.body()).build();
    }
    String body = response.body() == null ? "" : response.body().strip();
    if (body.length() > MAX_ERROR_BODY) body = body.substring(0, MAX_ERROR_BODY) + "...";
    Duration after = response.headers().firstValue("Retry-After").map(JudgeHttpClient::retryAfter).orElse(null);
    throw new ProviderHttpException(status, "HTTP " + status + (body.isEmpty() ? "" : ": " + body), after);
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    throw new UnsupportedOperationException("the judge does not stream");
  }

  /** Retry-After as seconds or as an HTTP date; null when it is neither. */
  static Duration retryAfter(String value) {
    String v = value.strip();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  /** An I/O failure (connection refused, reset) as the unchecked exception LangChain4j expects. */
  static final class UncheckedIOException extends RuntimeException {
    UncheckedIOException(IOException cause) {
      super(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }
  }

  /** Builds the client with the timeouts LangChain4j passes in. */
  static final class Builder implements HttpClientBuilder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);

    @Override public Duration connectTimeout() { return connectTimeout; }
    @Override public Builder connectTimeout(Duration d) { if (d != null) connectTimeout = d; return this; }
    @Override public Duration readTimeout() { return readTimeout; }
    @Override public Builder readTimeout(Duration d) { if (d != null) readTimeout = d; return this; }
    @Override public HttpClient build() { return new JudgeHttpClient(connectTimeout, readTimeout); }
  }
}

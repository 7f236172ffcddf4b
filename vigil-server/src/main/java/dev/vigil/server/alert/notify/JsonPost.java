package dev.vigil.server.alert.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a JSON body and classifies the answer. Error texts never contain the URL: for Slack and
 * webhooks the URL itself is the secret.
 */
final class JsonPost {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;

  JsonPost(HttpClient client) {
    this.client = client;
  }

  static JsonPost create() {
    return new JsonPost(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER).build());
  }

  SendResult post(URI url, byte[] json, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
        .header("Content-Type", "application/json").header("User-Agent", "vigil-notifier")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return SendResult.ofStatus(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      return SendResult.unreachable("no answer within " + TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      return SendResult.unreachable("could not reach the receiver: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.unreachable("interrupted while sending");
    }
  }
}

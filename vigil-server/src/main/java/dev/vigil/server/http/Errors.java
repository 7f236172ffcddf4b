package dev.vigil.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.storage.OverCapacityException;
import dev.vigil.storage.SqlRejectedException;
import dev.vigil.storage.StorageException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps exceptions to statuses with a JSON body {@code {"error": message, "status": code}}: the
 * caller's mistakes are 4xx with a message that says what is wrong; load shedding and storage trouble
 * are 503 with Retry-After; only bugs are 500, logged once with their stack.
 */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  /** Status, message and Retry-After for any exception. */
  record Mapped(int status, String message, String retryAfter) {}

  static Mapped map(Exception e) {
    return switch (e) {
      case ApiError a -> new Mapped(a.status, a.getMessage(), a.retryAfterSeconds);
      case OverCapacityException o -> new Mapped(503, o.getMessage(), Long.toString(Math.max(1, o.retryAfter().toSeconds())));
      case StorageException s -> new Mapped(503, "storage unavailable: " + s.getMessage(), "5");
      case SqlRejectedException s -> new Mapped(400, s.getMessage(), null);
      case JsonProcessingException j -> new Mapped(400, "invalid JSON: " + j.getOriginalMessage(), null);
      case IllegalArgumentException i -> new Mapped(400, i.getMessage(), null);
      case NoSuchElementException n -> new Mapped(404, n.getMessage(), null);
      default -> {
        LOG.error("unexpected error", e);
        yield new Mapped(500, "internal error; see the server log", null);
      }
    };
  }

  static void register(RoutesConfig routes) {
    routes.exception(Exception.class, (e, ctx) -> render(ctx, map(e)));
    routes.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        render(ctx, new Mapped(404, "no such endpoint: " + ctx.method() + " " + ctx.path(), null));
      }
    });
    routes.error(405, ctx -> render(ctx, new Mapped(405, "method " + ctx.method() + " not allowed on " + ctx.path(), null)));
  }

  static void render(Context ctx, Mapped m) {
    ctx.status(m.status());
    if (m.retryAfter() != null) ctx.header("Retry-After", m.retryAfter());
    ctx.json(Map.of("error", m.message() == null ? "error" : m.message(), "status", m.status()));
  }
}

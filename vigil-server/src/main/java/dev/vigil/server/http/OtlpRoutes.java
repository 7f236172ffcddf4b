package dev.vigil.server.http;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.vigil.server.auth.Principal;
import dev.vigil.server.ingest.IngestOutcome;
import dev.vigil.server.ingest.IngestPacing;
import dev.vigil.server.ingest.IngestService;
import dev.vigil.server.ingest.otlp.OtlpDecoding;
import dev.vigil.server.ingest.otlp.OtlpTraces;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * OTLP/HTTP: {@code POST /v1/traces} and {@code POST /v1/logs}, protobuf or JSON by Content-Type,
 * optionally gzip. The response uses the request's encoding: an Export*ServiceResponse (with
 * partial_success when some items were refused) or, on failure, a google.rpc.Status.
 */
final class OtlpRoutes {
  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";

  private final Authn authn;
  private final Bodies bodies;
  private final IngestService ingest;

  OtlpRoutes(Authn authn, Bodies bodies, IngestService ingest) {
    this.authn = authn;
    this.bodies = bodies;
    this.ingest = ingest;
  }

  void register(RoutesConfig routes) {
    routes.post("/v1/traces", ctx -> handle(ctx, true));
    routes.post("/v1/logs", ctx -> handle(ctx, false));
  }

  private void handle(Context ctx, boolean traces) {
    boolean json = false;
    try {
      Principal principal = authn.require(ctx);
      json = json(ctx);
      IngestOutcome outcome;
      try (IngestPacing.Turn turn = ingest.admit()) {
        byte[] body = bodies.read(ctx);
        if (traces) {
          OtlpTraces request = json
              ? OtlpTraces.of(OtlpDecoding.parseTracesJson(body)) : OtlpDecoding.decodeTracesProtobuf(body);
          outcome = ingest.otlpTraces(principal.projectId(), request);
        } else {
          var request = json ? OtlpDecoding.parseLogsJson(body) : OtlpDecoding.parseLogsProtobuf(body);
          outcome = ingest.otlpLogs(principal.projectId(), request);
        }
      }
      respond(ctx, json, 200, traces ? traceResponse(outcome) : logsResponse(outcome));
    } catch (Exception e) {
      Errors.Mapped m = Errors.map(e);
      if (m.retryAfter() != null) ctx.header("Retry-After", m.retryAfter());
      ctx.status(m.status());
      ctx.contentType(json ? JSON : PROTOBUF);
      ctx.result(status(m.status(), m.message(), json));
    }
  }

  private static boolean json(Context ctx) {
    String type = ctx.header("Content-Type");
    String base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return switch (base) {
      case PROTOBUF -> false;
      case JSON -> true;
      default -> throw new ApiError(415, "Content-Type must be application/x-protobuf or application/json, got '"
          + (type == null ? "" : type) + "'");
    };
  }

  private static Message traceResponse(IngestOutcome o) {
    var b = ExportTraceServiceResponse.newBuilder();
    if (o.rejected() > 0 || o.ignored() > 0 || !o.errors().isEmpty()) {
      b.setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(o.rejected())
          .setErrorMessage(o.message()));
    }
    return b.build();
  }

  private static Message logsResponse(IngestOutcome o) {
    var b = ExportLogsServiceResponse.newBuilder();
    if (o.rejected() > 0 || o.ignored() > 0) {
      b.setPartialSuccess(ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(o.rejected())
          .setErrorMessage(o.message()));
    }
    return b.build();
  }

  private static void respond(Context ctx, boolean json, int status, Message message) throws InvalidProtocolBufferException {
    ctx.status(status);
    if (json) {
      ctx.contentType(JSON);
      ctx.result(JsonFormat.printer().omittingInsignificantWhitespace().print(message));
    } else {
      ctx.contentType(PROTOBUF);
      ctx.result(message.toByteArray());
    }
  }

  /** A google.rpc.Status {code, message}; its classes are not in the OTLP jar, and it is two fields. */
  static byte[] status(int httpStatus, String message, boolean json) {
    int code = grpcCode(httpStatus);
    String text = message == null ? "" : message;
    if (json) return Json.bytes(java.util.Map.of("code", code, "message", text));
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.writeInt32(1, code);
      out.writeString(2, text);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int grpcCode(int httpStatus) {
    return switch (httpStatus) {
      case 400, 413, 415 -> 3; // INVALID_ARGUMENT
      case 401 -> 16; // UNAUTHENTICATED
      case 403 -> 7; // PERMISSION_DENIED
      case 404 -> 5; // NOT_FOUND
      case 429 -> 8; // RESOURCE_EXHAUSTED
      case 503 -> 14; // UNAVAILABLE
      default -> 13; // INTERNAL
    };
  }
}

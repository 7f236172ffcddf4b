package dev.vigil.server.ingest.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/**
 * Turns OTLP/HTTP request bodies (binary protobuf or OTLP/JSON) into the generated request messages.
 * Every failure is an {@link IllegalArgumentException} whose message tells the sender what to fix,
 * meant to go back verbatim in a 400 response.
 */
public final class OtlpDecoding {
  private OtlpDecoding() {}

  /** Binary OTLP traces straight into what the normalizer reads (see {@link OtlpTraceDecoder}). */
  public static OtlpTraces decodeTracesProtobuf(byte[] body) {
    try {
      return OtlpTraceDecoder.decode(body);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("invalid OTLP protobuf: " + e.getMessage());
    }
  }

  public static ExportTraceServiceRequest parseTracesProtobuf(byte[] body) {
    try {
      return ExportTraceServiceRequest.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("invalid OTLP protobuf: " + e.getMessage());
    }
  }

  public static ExportLogsServiceRequest parseLogsProtobuf(byte[] body) {
    try {
      return ExportLogsServiceRequest.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("invalid OTLP protobuf: " + e.getMessage());
    }
  }

  public static ExportTraceServiceRequest parseTracesJson(byte[] body) {
    ExportTraceServiceRequest.Builder builder = ExportTraceServiceRequest.newBuilder();
    OtlpJsonReader.read(body, builder);
    return builder.build();
  }

  public static ExportLogsServiceRequest parseLogsJson(byte[] body) {
    ExportLogsServiceRequest.Builder builder = ExportLogsServiceRequest.newBuilder();
    OtlpJsonReader.read(body, builder);
    return builder.build();
  }
}

package dev.vigil.bench;

import java.util.Map;

/**
 * One logical span of the benchmark, encoded once as OTLP/protobuf for Vigil and once as Zipkin v2
 * JSON, so both servers receive the same information. Ids are template ids: each send stamps its
 * own counter into them (see {@link Payload}).
 */
record BenchSpan(
    byte[] traceId,
    byte[] spanId,
    byte[] parentId,
    String name,
    Kind kind,
    long startNanos,
    long endNanos,
    String service,
    Map<String, Object> attributes,
    String error) {

  enum Kind { SERVER, CLIENT, INTERNAL }
}

package dev.vigil.bench;

import dev.vigil.model.PiiMode;
import dev.vigil.model.ProjectSettings;
import dev.vigil.model.Span;
import dev.vigil.server.ingest.cost.PriceTable;
import dev.vigil.server.ingest.cost.UsageAndCost;
import dev.vigil.server.ingest.otlp.OtlpDecoding;
import dev.vigil.server.ingest.otlp.TraceNormalizer;
import dev.vigil.server.ingest.pii.PiiMasker;
import dev.vigil.server.ingest.pii.SpanMasker;
import dev.vigil.server.ingest.otlp.OtlpTraces;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU cost of each ingest stage on one request of the ingest benchmark (512 spans, ~1.35 KB each):
 * divide the µs/op by 512 for µs per span. Run:
 * {@code java -cp 'vigil-bench/target/vigil-bench.jar:vigil-bench/target/lib/*' org.openjdk.jmh.Main IngestStages}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class IngestStagesBenchmark {
  byte[] body;
  OtlpTraces request;
  List<Span> normalized;
  List<Span> enriched;
  List<Span> masked;
  final TraceNormalizer normalizer = new TraceNormalizer();
  final UsageAndCost usageAndCost = new UsageAndCost(PriceTable.loadDefault());
  final PiiMasker piiMasker = new PiiMasker(PiiMode.MASK, List.of(), "US", new byte[32]);
  final SpanMasker spanMasker = new SpanMasker();
  MethodHandle encode;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() throws Exception {
    body = OtlpEncoder.encode(new SpanFactory(42).batch(512, System.currentTimeMillis() * 1_000_000L)).body();
    request = OtlpDecoding.decodeTracesProtobuf(body);
    normalized = normalizer.normalize(request, "vigil.feature").spans();
    enriched = (List<Span>) enrich();
    masked = mask();
    // the storage encoder is package-private: the benchmark reaches it the way a test would
    var type = Class.forName("dev.vigil.storage.duckdb.DuckDbSpanConsumer");
    var lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    encode = lookup.findStatic(type, "encode",
        MethodType.methodType(type.getDeclaredClasses()[0], long.class, List.class, List.class, long.class));
  }

  /** Protobuf bytes straight into what the normalizer reads: what the server does. */
  @Benchmark
  public Object decode() {
    return OtlpDecoding.decodeTracesProtobuf(body);
  }

  /** The generated OTLP classes' parser, which the server used before: the baseline for decode. */
  @Benchmark
  public Object decodeGenerated() {
    return OtlpDecoding.parseTracesProtobuf(body);
  }

  @Benchmark
  public Object normalize() {
    return normalizer.normalize(request, "vigil.feature");
  }

  @Benchmark
  public Object enrich() {
    List<Span> out = new ArrayList<>(normalized.size());
    for (Span s : normalized) out.add(usageAndCost.enrich(s, ProjectSettings.DEFAULTS));
    return out;
  }

  @Benchmark
  public List<Span> mask() {
    List<Span> out = new ArrayList<>(enriched.size());
    for (Span s : enriched) out.add(spanMasker.mask(s, piiMasker));
    return out;
  }

  @Benchmark
  public Object encode() throws Throwable {
    return encode.invoke(1L, masked, List.of(), 1L);
  }
}

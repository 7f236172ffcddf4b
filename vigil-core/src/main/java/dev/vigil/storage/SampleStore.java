package dev.vigil.storage;

import java.util.List;
import java.util.Map;

/**
 * Raw values for distribution tests (drift between windows, variant comparison): what the metric
 * store's aggregates cannot answer. Every read is capped: past {@code limit} rows it returns a uniform
 * random sample of {@code limit} values and the true count, so a test over a busy week costs the same
 * as over a quiet hour. Span fields and categories cover LLM calls (span type llm or embedding) of the
 * slice; scores cover numeric and boolean scores attached to any span (or, without a span id, any
 * trace) of the slice.
 */
public interface SampleStore {
  /** Upper bound for {@code limit}. */
  int MAX_LIMIT = 50_000;

  /** Non-null values of {@code field} on LLM calls matching {@code filter}. */
  Sample values(long projectId, SpanFilter filter, SampleField field, int limit);

  /** LLM calls per value of {@code dimension}, most frequent first; null values counted under {@link #NONE}. */
  Map<String, Long> counts(long projectId, SpanFilter filter, Dimension dimension, int limit);

  /** Values of the numeric or boolean (0/1) score named {@code name} on spans matching {@code filter}. */
  Sample scores(long projectId, SpanFilter filter, String name, int limit);

  /** Numeric and boolean score names on spans matching {@code filter}, most frequent first. */
  List<ScoreName> scoreNames(long projectId, SpanFilter filter, int limit);

  /** The category of calls without a value. */
  String NONE = "(none)";

  /** Values (sampled when {@code total} exceeds their number) and how many there were in all. */
  record Sample(double[] values, long total) {
    public boolean sampled() {
      return total > values.length;
    }
  }

  /** A score name, its data type ({@code numeric} or {@code boolean}) and how many scores it has. */
  record ScoreName(String name, String dataType, long count) {}
}

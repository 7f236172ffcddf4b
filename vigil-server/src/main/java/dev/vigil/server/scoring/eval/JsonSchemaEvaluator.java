package dev.vigil.server.scoring.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code json_schema}: passes when the output parses as JSON and validates against {@code schema}
 * (written inline in the scorecard, JSON Schema 2020-12 unless it names another {@code $schema}).
 * {@code allow_code_fence: true} accepts an answer wrapped in a Markdown ```json fence, as chat
 * models often send. The explanation names the first problems with their JSON paths.
 */
final class JsonSchemaEvaluator implements Evaluator {
  static final Set<String> KEYS = Set.of("name", "type", "schema", "allow_code_fence");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Pattern FENCE = Pattern.compile("^\\s*```[a-zA-Z]*\\s*\\n(.*?)\\n?```\\s*$", Pattern.DOTALL);
  private static final int SHOWN_ERRORS = 3;

  private final Schema schema;
  private final boolean allowFence;

  private JsonSchemaEvaluator(Schema schema, boolean allowFence) {
    this.schema = schema;
    this.allowFence = allowFence;
  }

  static JsonSchemaEvaluator from(Options o) {
    o.allowOnly("a json_schema metric", KEYS);
    o.require("schema");
    boolean fence = o.bool("allow_code_fence", false);
    if (!o.has("schema")) return new JsonSchemaEvaluator(null, fence);
    if (!o.node("schema").isObject() && !o.node("schema").isBoolean()) {
      o.problem("schema", "'schema' must be a JSON Schema written as a mapping");
      return new JsonSchemaEvaluator(null, fence);
    }
    try {
      return new JsonSchemaEvaluator(SCHEMAS.getSchema(o.node("schema").toString(), InputFormat.JSON), fence);
    } catch (RuntimeException e) {
      o.problem("schema", "not a usable JSON Schema: " + e.getMessage());
      return new JsonSchemaEvaluator(null, fence);
    }
  }

  @Override
  public String type() {
    return "json_schema";
  }

  @Override
  public boolean cheap() {
    return true;
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Outcome evaluate(Subject s) {
    String text = s.output().strip();
    if (text.isEmpty()) return s.error() ? Outcome.NOT_APPLICABLE : Outcome.fail("the output is empty, not JSON");
    if (allowFence) {
      Matcher m = FENCE.matcher(text);
      if (m.matches()) text = m.group(1).strip();
    }
    try {
      JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return Outcome.fail("the output is not JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at character " + e.getLocation().getCharOffset()));
    }
    List<Error> errors = schema.validate(text, InputFormat.JSON);
    if (errors.isEmpty()) return Outcome.pass("the output is JSON that matches the schema");
    StringBuilder why = new StringBuilder("the output does not match the schema: ");
    for (int i = 0; i < Math.min(SHOWN_ERRORS, errors.size()); i++) {
      if (i > 0) why.append("; ");
      why.append(errors.get(i).toString());
    }
    if (errors.size() > SHOWN_ERRORS) why.append("; and ").append(errors.size() - SHOWN_ERRORS).append(" more");
    return Outcome.fail(why.toString());
  }
}

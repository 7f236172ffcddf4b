package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Retrieved documents: OpenInference retrieval.documents.N.document.* (and a reranker's output
 * documents), or OTel's gen_ai.retrieval.documents ([{id, score}], JSON text or structured).
 */
final class DocumentsMapper {
  private DocumentsMapper() {}

  static List<Document> documents(SpanAttributes a) {
    List<Document> docs = flattened(a, Family.RETRIEVAL_DOCUMENTS);
    if (docs.isEmpty()) docs = flattened(a, Family.RERANKER_OUTPUT_DOCUMENTS);
    if (docs.isEmpty()) docs = structured(a.get("gen_ai.retrieval.documents"));
    return docs;
  }

  private static List<Document> flattened(SpanAttributes a, Family family) {
    if (!a.has(family)) return List.of();
    List<Document> out = new ArrayList<>();
    for (Map<String, Object> d : Indexed.group(a, family).values()) {
      out.add(new Document(Parts.str(d, "document.id"), AnyValues.string(d.get("document.content")),
          AnyValues.toDouble(d.get("document.score")), AnyValues.string(d.get("document.metadata"))));
    }
    return out;
  }

  private static List<Document> structured(Object value) {
    List<?> list = Json.parseList(value);
    if (list == null) return List.of();
    List<Document> out = new ArrayList<>(list.size());
    for (Object o : list) {
      if (o instanceof Map<?, ?> d) {
        out.add(new Document(Parts.str(d, "id"), AnyValues.string(Parts.first(d, "content", "text")),
            AnyValues.toDouble(d.get("score")), AnyValues.string(d.get("metadata"))));
      }
    }
    return out;
  }
}

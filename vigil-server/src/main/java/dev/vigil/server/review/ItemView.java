package dev.vigil.server.review;

import dev.vigil.model.Document;
import dev.vigil.model.Score;
import dev.vigil.storage.ReviewItem;
import java.util.List;

/**
 * An item as a reviewer sees it: the trace's question, answer and retrieved documents (empty when
 * the trace is gone, e.g. past retention), and the labels already given in this queue. The
 * evaluators' own scores are left out on purpose: a reviewer who sees them anchors on them, and the
 * calibration would measure the anchoring.
 */
public record ItemView(ReviewItem item, boolean found, String name, String feature, long startEpochNanos,
    String question, String answer, List<Document> documents, List<Score> labels) {}

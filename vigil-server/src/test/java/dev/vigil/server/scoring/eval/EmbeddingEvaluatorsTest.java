package dev.vigil.server.scoring.eval;

import static dev.vigil.server.scoring.eval.EvaluatorsTest.evaluator;
import static dev.vigil.server.scoring.eval.EvaluatorsTest.problems;
import static dev.vigil.server.scoring.eval.EvaluatorsTest.run;
import static dev.vigil.server.scoring.eval.TestSubjects.subject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Content;
import dev.vigil.model.Document;
import dev.vigil.model.Message;
import dev.vigil.model.ScoreDataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** relevance and grounding with the real MiniLM model. */
class EmbeddingEvaluatorsTest {
  static final String QUESTION = "How do I reset my password if I no longer have access to my email?";

  @Test
  void relevanceOrdersAnswersByHowMuchTheyAddressTheQuestion() {
    Evaluator e = evaluator("{type: relevance}");
    Outcome onTopic = run(e, subject(QUESTION, "Go to the sign-in page, choose 'Forgot password' and pick 'I can't access my email'; "
        + "support then verifies your identity and sends a reset link to a new address."));
    Outcome related = run(e, subject(QUESTION, "Passwords must be at least twelve characters long and contain a number."));
    Outcome offTopic = run(e, subject(QUESTION, "Our office in Lisbon is open from nine to five, and parking is free for visitors."));
    assertThat(onTopic.dataType()).isEqualTo(ScoreDataType.NUMERIC);
    assertThat(onTopic.value()).isGreaterThan(related.value());
    assertThat(related.value()).isGreaterThan(offTopic.value());
    assertThat(onTopic.label()).isEqualTo("pass");
    assertThat(offTopic.label()).isEqualTo("fail");
    assertThat(offTopic.value()).isBetween(0.0, 0.2);
    assertThat(onTopic.explanation()).startsWith("question–answer similarity 0.").contains("at or above the threshold 0.35");
  }

  @Test
  void relevanceThresholdIsAnOption() {
    Subject s = subject(QUESTION, "Passwords must be at least twelve characters long and contain a number.");
    double value = run(evaluator("{type: relevance}"), s).value();
    assertThat(run(evaluator("{type: relevance, threshold: " + (value - 0.01) + "}"), s).label()).isEqualTo("pass");
    assertThat(run(evaluator("{type: relevance, threshold: " + Math.min(1, value + 0.01) + "}"), s).label()).isEqualTo("fail");
  }

  @Test
  void relevanceNeedsAQuestionAndAnAnswer() {
    Evaluator e = evaluator("{type: relevance}");
    assertThat(run(e, subject(QUESTION, null))).isEqualTo(Outcome.NOT_APPLICABLE);
    Subject noQuestion = Subject.ofCall(TestSubjects.call("q", "an answer").content(new Content(List.of(), List.of(Message.of("assistant", "an answer")),
        List.of(), null, null)).build());
    assertThat(run(e, noQuestion)).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  static final List<Document> DOCS = List.of(
      new Document("kb-12", "Refund policy. Customers can request a full refund within 30 days of purchase. Refunds are paid to the "
          + "original payment method within five business days. Digital gift cards cannot be refunded.", 0.82, null),
      new Document("kb-40", "Shipping. Standard shipping takes three to five days within the EU. Express shipping costs 9 euros and "
          + "arrives the next business day when ordered before noon.", 0.61, null));

  static Subject rag(String question, String answer, List<Document> docs) {
    var b = TestSubjects.call(question, answer);
    Content c = b.build().content();
    return Subject.ofCall(b.content(new Content(c.input(), c.output(), docs, null, null)).build());
  }

  @Test
  void groundingTellsSupportedAnswersFromInventedOnes() {
    Evaluator e = evaluator("{type: grounding}");
    Outcome grounded = run(e, rag("Can I get my money back?", "Yes. You can request a full refund within 30 days of purchase. "
        + "The refund is paid to your original payment method within five business days.", DOCS));
    Outcome invented = run(e, rag("Can I get my money back?", "Yes. You can request a full refund within 30 days of purchase. "
        + "We also give every customer a free smartphone with their second order. Our founder climbed Mount Everest in 1998.", DOCS));
    assertThat(grounded.dataType()).isEqualTo(ScoreDataType.NUMERIC);
    assertThat(grounded.value()).isEqualTo(1.0);
    assertThat(grounded.label()).isEqualTo("pass");
    assertThat(grounded.explanation()).startsWith("2 of 2 sentences supported by the 2 retrieved documents");
    assertThat(invented.value()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(invented.label()).isEqualTo("fail");
    assertThat(invented.explanation()).startsWith("1 of 3 sentences supported").containsAnyOf("Mount Everest", "free smartphone");
  }

  @Test
  void groundingIsNotApplicableWithoutDocumentsOrClaims() {
    Evaluator e = evaluator("{type: grounding}");
    assertThat(run(e, subject("Can I get my money back?", "Yes, within 30 days of purchase you can."))).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(run(e, rag("Can I get my money back?", "Sure!", DOCS))).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void groundingReadsTheDocumentsOfTheWholeTrace() {
    var retriever = TestSubjects.call("refund", null).type(dev.vigil.model.SpanType.RETRIEVAL).llm(null)
        .content(new Content(List.of(), List.of(), DOCS, "refund policy", null));
    var root = TestSubjects.call("Can I get my money back?", "You can request a full refund within 30 days of purchase.");
    var rootSpan = root.build();
    var retrieverSpan = retriever.traceId(rootSpan.traceId()).parentSpanId(rootSpan.spanId()).build();
    Subject trace = Subject.ofTrace(rootSpan, List.of(rootSpan, retrieverSpan));
    assertThat(trace.documents()).hasSize(2);
    assertThat(run(evaluator("{type: grounding}"), trace).label()).isEqualTo("pass");
  }

  @Test
  void optionsAreValidated() throws Exception {
    assertThat(problems("{type: relevance, threshold: 1.5}")).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("'threshold' must be between 0 and 1, got 1.5"));
    assertThat(problems("{type: grounding, min_suported: 0.5}")).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("unknown key 'min_suported' in a grounding metric"));
    assertThat(evaluator("{type: relevance}").version()).isEqualTo(1);
    assertThat(evaluator("{type: grounding}").version()).isEqualTo(1);
  }
}

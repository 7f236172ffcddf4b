package dev.vigil.model;

import java.util.List;

/**
 * What a span was asked and answered. Messages for LLM calls; {@code inputValue}/{@code outputValue}
 * for everything else (a tool's arguments and result, a chain's input and output, a retrieval query)
 * or when a client sent only an opaque value.
 */
public record Content(
    List<Message> input,
    List<Message> output,
    List<Document> documents,
    String inputValue,
    String outputValue) {

  public static final Content EMPTY = new Content(List.of(), List.of(), List.of(), null, null);

  public Content {
    input = input == null ? List.of() : List.copyOf(input);
    output = output == null ? List.of() : List.copyOf(output);
    documents = documents == null ? List.of() : List.copyOf(documents);
  }

  public boolean isEmpty() {
    return input.isEmpty() && output.isEmpty() && documents.isEmpty()
        && inputValue == null && outputValue == null;
  }

  /** All input text, for length metrics, token estimates and search. */
  public String inputText() {
    return join(input, inputValue);
  }

  /** All output text, for length metrics, token estimates and search. */
  public String outputText() {
    return join(output, outputValue);
  }

  private static String join(List<Message> messages, String value) {
    if (messages.isEmpty()) return value == null ? "" : value;
    StringBuilder sb = new StringBuilder();
    for (Message m : messages) {
      if (m.content() != null && !m.content().isEmpty()) {
        if (!sb.isEmpty()) sb.append('\n');
        sb.append(m.content());
      }
      for (ToolCall call : m.toolCalls()) {
        if (!sb.isEmpty()) sb.append('\n');
        sb.append(call.name()).append('(').append(call.arguments() == null ? "" : call.arguments()).append(')');
      }
    }
    return sb.toString();
  }
}

package dev.vigil.model;

/** A tool (function) call requested by the model; {@code arguments} is usually a JSON string. */
public record ToolCall(String id, String name, String arguments) {}

package dev.vigil.model;

/** A document a retrieval step returned; {@code metadata} is JSON text as the client sent it. */
public record Document(String id, String content, Double score, String metadata) {}

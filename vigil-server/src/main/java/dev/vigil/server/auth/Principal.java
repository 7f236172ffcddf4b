package dev.vigil.server.auth;

/** Who a request acts as: the project its API key belongs to, and whether the key is an admin key. */
public record Principal(long projectId, String keyId, boolean admin) {}

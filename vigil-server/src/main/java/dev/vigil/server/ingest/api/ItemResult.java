package dev.vigil.server.ingest.api;

/**
 * The outcome of one item: 201 when it decoded (it is written with the rest of the batch), 400 with
 * {@code error} when it is invalid. {@code type} is the item type when recognized; {@code id} is the
 * normalized id (the span id for trace and span items, else the item id) when it could be read.
 */
public record ItemResult(int index, String type, String id, int status, String error) {
  public static final int CREATED = 201;
  public static final int INVALID = 400;

  static ItemResult created(int index, String type, String id) {
    return new ItemResult(index, type, id, CREATED, null);
  }

  static ItemResult invalid(int index, String type, String id, String error) {
    return new ItemResult(index, type, id, INVALID, error);
  }

  public boolean ok() {
    return status == CREATED;
  }
}

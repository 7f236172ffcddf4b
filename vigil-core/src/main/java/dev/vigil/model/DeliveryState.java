package dev.vigil.model;

/** PENDING until the receiver accepts (DELIVERED) or the worker gives up (FAILED, kept and shown). */
public enum DeliveryState {
  PENDING, DELIVERED, FAILED
}

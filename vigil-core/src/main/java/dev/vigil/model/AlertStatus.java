package dev.vigil.model;

/** PENDING while a condition holds for less than its for-duration, FIRING after, RESOLVED when it stops. */
public enum AlertStatus {
  PENDING, FIRING, RESOLVED
}

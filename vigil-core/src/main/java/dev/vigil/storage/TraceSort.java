package dev.vigil.storage;

/** Orders for trace search; each breaks ties by trace id so cursors are stable. */
public enum TraceSort { NEWEST, OLDEST, SLOWEST, COSTLIEST }

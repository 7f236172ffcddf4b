package dev.vigil.server.query;

import dev.vigil.model.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spans of one trace arranged as a tree. A span whose parent is not in the trace (a remote parent,
 * or one not yet received) becomes a root, and a parent cycle is broken, so nothing received is hidden.
 */
public record TraceTree(Span span, List<TraceTree> children, int depth) {

  public static List<TraceTree> build(List<Span> spans) {
    Set<String> ids = new HashSet<>();
    for (Span s : spans) ids.add(s.spanId());
    Map<String, List<Span>> byParent = new HashMap<>();
    List<Span> roots = new ArrayList<>();
    for (Span s : spans) {
      if (s.parentSpanId() == null || !ids.contains(s.parentSpanId()) || s.parentSpanId().equals(s.spanId())) {
        roots.add(s);
      } else {
        byParent.computeIfAbsent(s.parentSpanId(), k -> new ArrayList<>()).add(s);
      }
    }
    List<TraceTree> out = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    for (Span root : roots) out.add(node(root, byParent, 0, visited));
    for (Span s : spans) { // spans in a parent cycle: break the cycle so each still appears once
      if (!visited.contains(s.spanId())) out.add(node(s, byParent, 0, visited));
    }
    return out;
  }

  private static TraceTree node(Span s, Map<String, List<Span>> byParent, int depth, Set<String> visited) {
    visited.add(s.spanId());
    List<TraceTree> children = new ArrayList<>();
    for (Span child : byParent.getOrDefault(s.spanId(), List.of())) {
      if (!visited.contains(child.spanId())) children.add(node(child, byParent, depth + 1, visited)); // cycle-safe
    }
    return new TraceTree(s, children, depth);
  }
}

package dev.vigil.server.scoring.scorecard;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of a YAML document starts, by JSON pointer: a tree has no positions, so the
 * document is streamed once and the first token seen at each path (a key, or a list item) is
 * remembered. A problem at a pointer that does not exist (a missing key) is shown at its parent.
 */
final class YamlLocations {
  private final Map<String, JsonLocation> byPointer = new HashMap<>();

  YamlLocations(YAMLFactory yaml, String text) throws IOException {
    try (JsonParser p = yaml.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        String pointer = p.getParsingContext().pathAsPointer().toString();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          pointer = p.getParsingContext().getParent() == null ? "" : p.getParsingContext().getParent().pathAsPointer().toString();
        }
        byPointer.putIfAbsent(pointer, p.currentTokenLocation());
      }
    }
  }

  /** "line:column" of the node at {@code pointer}, or of its nearest ancestor. */
  String at(String pointer) {
    String p = pointer;
    while (true) {
      JsonLocation loc = byPointer.get(p);
      if (loc != null) return loc.getLineNr() + ":" + loc.getColumnNr();
      if (p.isEmpty()) return "1:1";
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }
}

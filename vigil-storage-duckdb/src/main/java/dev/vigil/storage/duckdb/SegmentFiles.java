package dev.vigil.storage.duckdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Naming and layout of segment files: {@code <root>/p<project>/<segment>.seg}, each starting with an
 * 8-byte header. Segments are per project so retention deletes whole files and a project's data can
 * be removed without rewriting anyone else's.
 */
final class SegmentFiles {
  static final long HEADER = 8;
  private static final byte[] MAGIC = {'V', 'G', 'S', 'E', 'G', '0', '0', '1'};

  private final Path root;

  SegmentFiles(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  Path projectDir(long projectId) {
    return root.resolve("p" + projectId);
  }

  Path segment(long projectId, int segmentId) {
    return projectDir(projectId).resolve(String.format("%010d.seg", segmentId));
  }

  /** Segment ids of a project, ascending. */
  List<Integer> segments(long projectId) throws IOException {
    Path dir = projectDir(projectId);
    if (!Files.isDirectory(dir)) return List.of();
    List<Integer> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".seg") && n.length() == 14)
          .forEach(n -> ids.add(Integer.parseInt(n.substring(0, 10))));
    }
    ids.sort(null);
    return ids;
  }

  /** Projects that have a segment directory. */
  List<Long> projects() throws IOException {
    if (!Files.isDirectory(root)) return List.of();
    List<Long> ids = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      dirs.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("p\\d+"))
          .forEach(n -> ids.add(Long.parseLong(n.substring(1))));
    }
    ids.sort(null);
    return ids;
  }

  /** Creates a new empty segment durably: header written and synced, directory entry synced. */
  FileChannel create(long projectId, int segmentId) throws IOException {
    Path dir = projectDir(projectId);
    boolean newDir = !Files.isDirectory(dir);
    Files.createDirectories(dir);
    if (newDir) syncDirectory(root);
    Path file = segment(projectId, segmentId);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.READ);
    ch.write(ByteBuffer.wrap(MAGIC));
    ch.force(true);
    syncDirectory(dir);
    return ch;
  }

  FileChannel openForAppend(long projectId, int segmentId) throws IOException {
    FileChannel ch = FileChannel.open(segment(projectId, segmentId), StandardOpenOption.WRITE,
        StandardOpenOption.READ);
    ch.position(ch.size());
    return ch;
  }

  static void checkHeader(FileChannel ch, Path file) throws IOException {
    ByteBuffer b = ByteBuffer.allocate((int) HEADER);
    if (ch.read(b, 0) != HEADER) throw new CorruptRecordException(file + ": missing segment header");
    for (int i = 0; i < MAGIC.length; i++) {
      if (b.get(i) != MAGIC[i]) throw new CorruptRecordException(file + ": not a Vigil segment");
    }
  }

  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }
}

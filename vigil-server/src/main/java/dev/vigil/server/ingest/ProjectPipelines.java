package dev.vigil.server.ingest;

import dev.vigil.model.Project;
import dev.vigil.server.ingest.pii.PiiMasker;
import dev.vigil.storage.ProjectStore;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-project ingest settings and the masker built from them, cached because they are needed on
 * every request and change rarely; {@link #invalidate} after a settings change.
 */
final class ProjectPipelines {
  private final ProjectStore projects;
  private final String piiRegion;
  private final byte[] hashKey;
  private final Map<Long, Pipeline> cache = new ConcurrentHashMap<>();

  record Pipeline(Project project, PiiMasker masker) {}

  ProjectPipelines(ProjectStore projects, String piiRegion, byte[] hashKey) {
    this.projects = projects;
    this.piiRegion = piiRegion;
    this.hashKey = hashKey.clone();
  }

  Pipeline get(long projectId) {
    return cache.computeIfAbsent(projectId, id -> {
      Project p = projects.getProject(id).orElseThrow(() -> new NoSuchElementException("no project " + id));
      return new Pipeline(p, new PiiMasker(p.settings().piiMode(), p.settings().piiRules(), piiRegion, hashKey));
    });
  }

  void invalidate(long projectId) {
    cache.remove(projectId);
  }
}

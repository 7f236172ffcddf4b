package dev.vigil.storage;

import dev.vigil.model.ApiKey;
import dev.vigil.model.Project;
import dev.vigil.model.ProjectSettings;
import java.util.List;
import java.util.Optional;

/**
 * Projects and API keys. Keys are stored as a hash of the secret only; callers hash before asking.
 */
public interface ProjectStore {

  Project createProject(String name, ProjectSettings settings);

  Optional<Project> getProject(long projectId);

  List<Project> listProjects();

  /** @throws java.util.NoSuchElementException when the project does not exist */
  Project updateSettings(long projectId, ProjectSettings settings);

  ApiKey createKey(long projectId, String name, String prefix, String secretHash, boolean admin);

  List<ApiKey> listKeys(long projectId);

  /** @return false when the key does not exist in that project or was already revoked */
  boolean revokeKey(long projectId, String keyId);

  /** Finds a key (revoked or not) by the hash of its secret. */
  Optional<ApiKey> findKeyByHash(String secretHash);
}

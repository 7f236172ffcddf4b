package dev.vigil.storage.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.ApiKey;
import dev.vigil.model.PiiMode;
import dev.vigil.model.PiiRule;
import dev.vigil.model.PriceOverride;
import dev.vigil.model.Project;
import dev.vigil.model.ProjectSettings;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Projects, settings and API key records. */
public abstract class ITProjects extends StorageTestBase {

  @Test
  public void createListAndUpdateSettings() {
    Project created = storage.projectStore().createProject("  checkout  ", null);
    assertThat(created.name()).isEqualTo("checkout");
    assertThat(created.settings()).isEqualTo(ProjectSettings.DEFAULTS);
    assertThat(storage.projectStore().listProjects()).extracting(Project::name).contains("contract", "checkout");

    ProjectSettings custom = new ProjectSettings(7, PiiMode.HASH,
        List.of(new PiiRule("order_id", "ORD-\\d{6}")),
        List.of(new PriceOverride("gpt-4o.*", "openai", 2.0, 8.0, 1.0, null, null)), "app.feature");
    storage.projectStore().updateSettings(created.id(), custom);

    assertThat(storage.projectStore().getProject(created.id()).orElseThrow().settings()).isEqualTo(custom);
    reopen();
    assertThat(storage.projectStore().getProject(created.id()).orElseThrow().settings()).isEqualTo(custom);
  }

  @Test
  public void unknownProject() {
    assertThat(storage.projectStore().getProject(9999)).isEmpty();
    assertThatThrownBy(() -> storage.projectStore().updateSettings(9999, ProjectSettings.DEFAULTS))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> storage.projectStore().createKey(9999, "k", "vgl_ab", "hash", false))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  public void keysAreFoundByHashAndRevokedOnce() {
    ApiKey key = storage.projectStore().createKey(project, "ci", "vgl_abcd", "h1", true);
    assertThat(key.admin()).isTrue();
    assertThat(storage.projectStore().findKeyByHash("h1")).contains(key);
    assertThat(storage.projectStore().findKeyByHash("nope")).isEmpty();
    assertThat(storage.projectStore().listKeys(project)).containsExactly(key);

    long other = storage.projectStore().createProject("other", null).id();
    assertThat(storage.projectStore().revokeKey(other, key.id())).isFalse(); // not that project's key
    assertThat(storage.projectStore().revokeKey(project, key.id())).isTrue();
    assertThat(storage.projectStore().revokeKey(project, key.id())).isFalse();
    assertThat(storage.projectStore().findKeyByHash("h1").orElseThrow().revoked()).isTrue();
  }
}

package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.storage.Dataset;
import dev.vigil.storage.DatasetItem;
import dev.vigil.storage.DatasetStore;
import dev.vigil.storage.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Datasets: named per project, items idempotent on trace id, paged in the order added. */
public abstract class ITDatasets extends StorageTestBase {

  private DatasetStore datasets() {
    return storage.datasetStore();
  }

  @Test
  public void createListGetAndDelete() {
    assertThat(datasets().create(project, "refunds", "refund questions", T0)).isTrue();
    assertThat(datasets().create(project, "refunds", "another description", T0 + 1)).isFalse();
    assertThat(datasets().create(project, "a-first", null, T0)).isTrue();

    assertThat(datasets().list(project)).extracting(Dataset::name).containsExactly("a-first", "refunds");
    assertThat(datasets().get(project, "refunds")).contains(new Dataset("refunds", "refund questions", T0, 0));
    assertThat(datasets().delete(project, "refunds")).isTrue();
    assertThat(datasets().delete(project, "refunds")).isFalse();
    assertThat(datasets().get(project, "refunds")).isEmpty();
    assertThatThrownBy(() -> datasets().create(project, "no spaces", null, T0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void itemsAreIdempotentAndPaged() {
    datasets().create(project, "golden", null, T0);
    String a = TestObjects.traceId();
    String b = TestObjects.traceId();
    String c = TestObjects.traceId();
    DatasetItem first = new DatasetItem(a, "Open Settings", "good answer", T0);
    assertThat(datasets().addItems(project, "golden", List.of(first, new DatasetItem(b, null, null, T0))))
        .containsExactlyInAnyOrder(a, b);
    assertThat(datasets().addItems(project, "golden", List.of(new DatasetItem(a, "changed", null, T0 + 5),
        new DatasetItem(c, null, null, T0 + 1)))).containsExactly(c);
    assertThat(datasets().get(project, "golden").orElseThrow().itemCount()).isEqualTo(3);

    List<DatasetItem> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<DatasetItem> page = datasets().items(project, "golden", cursor, 2);
      assertThat(page.items().size()).isLessThanOrEqualTo(2);
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    assertThat(all).hasSize(3);
    assertThat(all.get(2).traceId()).isEqualTo(c); // added last
    assertThat(all).contains(first); // the second add of a did not overwrite it

    assertThat(datasets().removeItem(project, "golden", b)).isTrue();
    assertThat(datasets().removeItem(project, "golden", b)).isFalse();
    assertThat(datasets().items(project, "golden", null, 10).items()).extracting(DatasetItem::traceId).containsExactly(a, c);
  }

  @Test
  public void missingDatasetAndIsolation() {
    assertThatThrownBy(() -> datasets().addItems(project, "nope", List.of(new DatasetItem(TestObjects.traceId(), null, null, T0))))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> datasets().items(project, "nope", null, 10)).isInstanceOf(NoSuchElementException.class);

    datasets().create(project, "mine", null, T0);
    datasets().addItems(project, "mine", List.of(new DatasetItem(TestObjects.traceId(), null, null, T0)));
    long other = storage.projectStore().createProject("other", null).id();
    assertThat(datasets().list(other)).isEmpty();
    assertThat(datasets().get(other, "mine")).isEmpty();
    assertThat(datasets().delete(other, "mine")).isFalse();
    assertThatThrownBy(() -> datasets().items(other, "mine", null, 10)).isInstanceOf(NoSuchElementException.class);
    // the same name in another project is that project's own
    assertThat(datasets().create(other, "mine", null, T0)).isTrue();
    assertThat(datasets().get(other, "mine").orElseThrow().itemCount()).isZero();
    assertThat(datasets().get(project, "mine").orElseThrow().itemCount()).isEqualTo(1);
    // the SQL console's view holds the caller's project only
    assertThat(storage.sqlConsole().query(other, "SELECT count(*) FROM dataset_items", 10, java.time.Duration.ofSeconds(10))
        .rows()).containsExactly(List.of(0L));
    assertThat(storage.sqlConsole().query(project, "SELECT dataset FROM dataset_items", 10, java.time.Duration.ofSeconds(10))
        .rows()).containsExactly(List.of("mine"));
  }

  @Test
  public void survivesReopen() {
    datasets().create(project, "kept", "d", T0);
    String a = TestObjects.traceId();
    datasets().addItems(project, "kept", List.of(new DatasetItem(a, "x", null, T0)));
    reopen();
    assertThat(datasets().items(project, "kept", null, 10).items()).containsExactly(new DatasetItem(a, "x", null, T0));
  }
}

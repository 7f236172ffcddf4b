package dev.vigil.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  @Test
  void defaultsThenFileThenEnvironment() throws Exception {
    Path file = dir.resolve("vigil.yaml");
    Files.writeString(file, """
        port: 9000
        data_dir: /var/lib/vigil
        sql:
          max_rows: 500
        """);
    VigilConfig c = new ConfigLoader(Map.of("VIGIL_PORT", "9100", "VIGIL_INIT_API_KEY", "vgl_0123456789abcdef")).load(file);
    assertThat(c.port()).isEqualTo(9100); // environment beats the file
    assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/vigil"));
    assertThat(c.sqlMaxRows()).isEqualTo(500);
    assertThat(c.sqlTimeoutSeconds()).isEqualTo(10);
    assertThat(c.initApiKey()).isEqualTo("vgl_0123456789abcdef");
    assertThat(new ConfigLoader(Map.of()).load(null).initApiKey()).isNull();
  }

  @Test
  void storageSettingsAreGrouped() throws Exception {
    VigilConfig.StorageOptions defaults = new ConfigLoader(Map.of()).load(null).storage();
    assertThat(defaults).isEqualTo(new VigilConfig.StorageOptions("256MB", 300_000, 0)); // 0 threads: one per core
    Path file = dir.resolve("vigil.yaml");
    Files.writeString(file, """
        storage:
          memory_limit: 1GB
          threads: 4
        """);
    VigilConfig.StorageOptions set = new ConfigLoader(Map.of("VIGIL_STORAGE_THREADS", "1")).load(file).storage();
    assertThat(set).isEqualTo(new VigilConfig.StorageOptions("1GB", 300_000, 1));
    assertThatThrownBy(() -> new ConfigLoader(Map.of("VIGIL_STORAGE_THREADS", "-1")).load(null))
        .hasMessageContaining("storage.threads").hasMessageContaining("VIGIL_STORAGE_THREADS");
  }

  @Test
  void mistakesNameTheKeyAndTheSource() throws Exception {
    Path file = dir.resolve("vigil.yaml");
    Files.writeString(file, "prot: 1\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file)).hasMessageContaining("unknown key 'prot'");
    assertThatThrownBy(() -> new ConfigLoader(Map.of("VIGIL_PORT", "http")).load(null))
        .hasMessageContaining("'port' must be a whole number").hasMessageContaining("VIGIL_PORT");
    assertThatThrownBy(() -> new ConfigLoader(Map.of("VIGIL_INIT_API_KEY", "short")).load(null))
        .hasMessageContaining("init_api_key").hasMessageNotContaining("short");
    Files.writeString(file, "port: [1\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file)).hasMessageContaining("not valid YAML");
  }

  @Test
  void everyKeyIsDocumented() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
    for (Setting s : Settings.ALL) {
      assertThat(docs).as(s.key()).contains("`" + s.key() + "`").contains("`" + s.envName() + "`");
    }
    Matcher m = Pattern.compile("^\\| `([a-z_.]+)` \\|", Pattern.MULTILINE).matcher(docs);
    while (m.find()) {
      String key = m.group(1);
      assertThat(Settings.ALL.stream().anyMatch(s -> s.key().equals(key))).as("documented key %s exists", key).isTrue();
    }
  }
}

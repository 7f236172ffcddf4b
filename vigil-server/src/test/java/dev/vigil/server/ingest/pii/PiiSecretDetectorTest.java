package dev.vigil.server.ingest.pii;

import static dev.vigil.server.ingest.pii.PiiTexts.mask;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fake credentials in the real shapes; none of them was ever valid. */
class PiiSecretDetectorTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "sk-Ab3dEf5hIj7kLm9nOp1qRs3tUv5wXy7zAb3dEf5hIj7kLm9n",
      "sk-proj-Ab3dEf5hIj7kLm9nOp1qRs3t_Uv5wXy7z-Ab3dEf5hIj7k",
      "sk-ant-api03-Ab3dEf5hIj7kLm9nOp1qRs3tUv5wXy7z-Ab3dEf5hIj7kLm9nAA",
      "AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A",
      "ghp_0123456789abcdefghijABCDEFGHIJ012345", "gho_0123456789abcdefghijABCDEFGHIJ012345",
      "ghs_0123456789abcdefghijABCDEFGHIJ012345", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
      "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "xoxp-1234567890-abcdef",
      "AIzaSyA-1234567890abcdefghijklmnopqrstu", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "rk_live_4eC39HqLyjWDarjtT1zd",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"})
  void masksProviderKeysAndJwts(String secret) {
    assertThat(mask("use " + secret + " here")).isEqualTo("use [SECRET] here");
  }

  @Test
  void bearerKeepsTheScheme() {
    assertThat(mask("Authorization: Bearer abc123def456ghi789")).isEqualTo("Authorization: Bearer [SECRET]");
    assertThat(mask("curl -H 'authorization: bearer 9f8e7d6c5b4a'")).isEqualTo("curl -H 'authorization: bearer [SECRET]'");
    assertThat(mask("Authorization: Basic dXNlcjpwYXNzd29yZA==")).isEqualTo("Authorization: Basic [SECRET]");
  }

  @Test
  void pemPrivateKeyBlocks() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\nabc/def+==\n-----END RSA PRIVATE KEY-----";
    assertThat(mask("key:\n" + pem + "\ndone")).isEqualTo("key:\n[SECRET]\ndone");
    assertThat(mask("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN")).isEqualTo("[SECRET]");
    assertThat(mask("-----BEGIN PUBLIC KEY-----\nMIIBIjAN")).isEqualTo("-----BEGIN PUBLIC KEY-----\nMIIBIjAN");
  }

  @Test
  void genericAssignmentsMaskTheValue() {
    assertThat(mask("password=hunter2")).isEqualTo("password=[SECRET]");
    assertThat(mask("DB_PASSWORD = 'correct horse'")).isEqualTo("DB_PASSWORD = '[SECRET]'");
    assertThat(mask("api_key: abc123xyz")).isEqualTo("api_key: [SECRET]");
    assertThat(mask("secret=\"s3cr3t value\"")).isEqualTo("secret=\"[SECRET]\"");
    assertThat(mask("https://x.io/cb?token=abcdef&next=1")).isEqualTo("https://x.io/cb?token=[SECRET]&next=1");
    assertThat(mask("{\"apiKey\": \"abcdef\", \"n\": 1}")).isEqualTo("{\"apiKey\": \"[SECRET]\", \"n\": 1}");
    assertThat(mask("{\\\"client_secret\\\":\\\"abcdef\\\"}")).isEqualTo("{\\\"client_secret\\\":\\\"[SECRET]\\\"}");
    assertThat(mask("X-Api-Key: 0123abcd")).isEqualTo("X-Api-Key: [SECRET]");
    assertThat(mask("export GITHUB_TOKEN=abcdef")).isEqualTo("export GITHUB_TOKEN=[SECRET]");
    assertThat(mask("password: hunter\nuser: bob")).isEqualTo("password: [SECRET]\nuser: bob");
    assertThat(mask("DB_PWD=pa55")).isEqualTo("DB_PWD=[SECRET]");
  }

  @Test
  void awsSecretAccessKey() {
    assertThat(mask("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"))
        .isEqualTo("aws_secret_access_key = [SECRET]\n");
    assertThat(mask("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
        .isEqualTo("AWS_SECRET_ACCESS_KEY=[SECRET]");
    assertThat(mask("aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
        .isEqualTo("aws_secret_access_key: [SECRET]");
  }

  @Test
  void passwordInUrl() {
    assertThat(mask("postgres://app:s3cret@db.internal:5432/main")).isEqualTo("postgres://app:[SECRET]@db.internal:5432/main");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a task-management-system-overview doc", "risk-free sk-learning", "max_tokens: 256",
      "\"max_tokens\": 256", "the bearer of bad news", "Password: reset it via the link", "password == other",
      "token_count=12", "api_key = os.environ[\"OPENAI_API_KEY\"]", "password=${DB_PASSWORD}",
      "secret: null", "password: \"<your password>\"", "def login(password: str):", "AKIAIOSFODNN7EXAMPLEX",
      "eyJhbGciOiJIUzI1NiJ9 is a header", "tokenizer: cl100k_base",
      "ghp_short", "PWD=/home/jane/app", "my_sk-Ab3dEf5hIj7kLm9nOp1qRs3tUv5w", "https://example.com:8080/a@b"})
  void leavesLookAlikes(String text) {
    assertThat(mask(text)).isEqualTo(text);
  }
}

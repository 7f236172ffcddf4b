package dev.vigil.server.ingest.pii;

import static dev.vigil.server.ingest.pii.PiiTexts.mask;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiIpDetectorTest {

  @ParameterizedTest
  @ValueSource(strings = {"192.168.1.20", "10.0.0.1", "255.255.255.255", "0.0.0.0", "8.8.8.8",
      "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:db8::1", "fe80::1", "::1", "::ffff:192.0.2.1",
      "2001:DB8:0:0:8:800:200C:417A"})
  void masksAddresses(String ip) {
    assertThat(mask("from " + ip + ".")).isEqualTo("from [IP].");
  }

  @ParameterizedTest
  @ValueSource(strings = {"version 1.2.3.4.5", "v1.2.3.4", "256.1.1.1", "pi 3.14", "1.2.3", "01.02.03.04",
      "at 10:30:00", "std::vector<int>", "Abc::Def", "mac de:ad:be:ef:00:01", "{\"a\":1,\"b\":2}",
      "1:2:3:4:5:6:7:8:9", "2001:db8::1::2", "ratio 3:2", "http://example.com:8080/x"})
  void leavesVersionsTimesAndCode(String text) {
    assertThat(mask(text)).isEqualTo(text);
  }

  @org.junit.jupiter.api.Test
  void bracketedWithPortAndUrls() {
    assertThat(mask("GET http://[2001:db8::8a2e:370:7334]:443/ok")).isEqualTo("GET http://[[IP]]:443/ok");
    assertThat(mask("http://10.1.2.3:8080/health")).isEqualTo("http://[IP]:8080/health");
  }

  @org.junit.jupiter.api.Test
  void emptyDottedPartsEndTheScan() {
    // these used to send the scan back to an earlier dot, for ever
    assertThat(mask("version 1.2..3.4 shipped")).isEqualTo("version 1.2..3.4 shipped");
    assertThat(mask("see http://10..2.8:8080/ and 1.2...3.4.5 then 10.0.0.7")).endsWith("then [IP]");
  }
}

package dev.vigil.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BlockTest {

  private static byte[] records(String... texts) {
    ByteWriter w = new ByteWriter(64);
    for (String t : texts) {
      byte[] b = t.getBytes(StandardCharsets.UTF_8);
      int at = w.reserveLength();
      w.writeBytes(b, 0, b.length);
      w.patchLength(at);
    }
    return w.toByteArray();
  }

  private static Block.Header header(byte[] block) {
    return Block.Header.parse(ByteBuffer.wrap(Arrays.copyOf(block, Block.HEADER)));
  }

  @Test
  void compressibleBlocksAreCompressedAndDecodeBack() {
    String text = "the customer asks how to reset a password ".repeat(100);
    byte[] raw = records(text, text, "short");
    byte[] block = Block.encode(raw, raw.length, 3, 42L);
    Block.Header h = header(block);
    assertThat(block.length).isLessThan(raw.length / 5);
    assertThat(h.receivedNanos()).isEqualTo(42L);
    byte[] decoded = Block.decode(h, Arrays.copyOfRange(block, Block.HEADER, block.length));
    assertThat(decoded).isEqualTo(raw);
    int[][] bounds = Block.recordBounds(decoded, 3);
    assertThat(new String(decoded, bounds[0][2], bounds[1][2], StandardCharsets.UTF_8)).isEqualTo("short");
  }

  @Test
  void flippedBitFailsTheChecksum() {
    byte[] raw = records("a small record");
    byte[] block = Block.encode(raw, raw.length, 1, 7L);
    block[block.length - 1] ^= 1;
    Block.Header h = header(block);
    assertThatThrownBy(() -> Block.decode(h, Arrays.copyOfRange(block, Block.HEADER, block.length)))
        .isInstanceOf(CorruptRecordException.class).hasMessageContaining("checksum");
  }

  @Test
  void garbageHeaderIsRejected() {
    assertThatThrownBy(() -> Block.Header.parse(ByteBuffer.wrap(new byte[Block.HEADER])))
        .isInstanceOf(CorruptRecordException.class);
  }
}

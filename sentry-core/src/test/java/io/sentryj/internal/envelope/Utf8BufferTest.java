package io.sentryj.internal.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8BufferTest {
  @Test
  void encodesLikeTheJdkForWellFormedText() throws Exception {
    String text = "aé€\uD83D\uDE00\u0000z";
    Utf8Buffer buffer = new Utf8Buffer(1);

    buffer.write(text);

    assertThat(buffer.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void joinsASurrogatePairSplitAcrossWrites() throws Exception {
    Utf8Buffer buffer = new Utf8Buffer(16);

    buffer.write('\uD83D');
    buffer.write("\uDE00");

    assertThat(new String(buffer.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("\uD83D\uDE00");
  }

  @Test
  void replacesUnpairedSurrogatesWithU_FFFD() throws Exception {
    Utf8Buffer buffer = new Utf8Buffer(16);

    buffer.write("\uDC00a\uD800\uD800b\uD800");

    assertThat(new String(buffer.toByteArray(), StandardCharsets.UTF_8))
        .isEqualTo("\uFFFDa\uFFFD\uFFFDb\uFFFD");
  }

  @Test
  void throwsOncePastItsLimitButNotAtIt() throws Exception {
    Utf8Buffer buffer = new Utf8Buffer(4, 4);
    buffer.write("ab€".substring(0, 2));
    buffer.write("é"); // 2 bytes: exactly 4

    assertThat(buffer.size()).isEqualTo(4);
    assertThatThrownBy(() -> buffer.write('x'))
        .isInstanceOf(Utf8Buffer.LimitExceededException.class);
  }

  @Test
  void aResetBufferStartsEmptyWithItsNewLimitAndKeepsItsArray() throws Exception {
    Utf8Buffer buffer = new Utf8Buffer(16);
    buffer.write("first text that grows the array past sixteen bytes");
    buffer.write("\uD83D"); // a dangling high surrogate must not leak into the next use
    int grown = buffer.capacity();
    buffer.reset(8);
    buffer.write("abc\u00e9");
    org.assertj.core.api.Assertions.assertThat(buffer.toByteArray())
        .isEqualTo("abc\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    org.assertj.core.api.Assertions.assertThat(buffer.capacity()).isEqualTo(grown);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> buffer.write("0123456789"))
        .isInstanceOf(Utf8Buffer.LimitExceededException.class);
  }
}

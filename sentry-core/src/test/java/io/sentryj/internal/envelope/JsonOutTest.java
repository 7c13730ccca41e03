package io.sentryj.internal.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written writer must write exactly the bytes Gson's writer did before it. */
class JsonOutTest {
  private static final char[] ALPHABET = {
    'a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', 0, 1, 0x1f, 0x7f, 0x80, 0xe9,
    0x7ff, 0x800, 0x2028, 0x2029, 0xfeff, 0xffff, 0xd83d, 0xde00, '<', '>', '&', '=', '\''
  };

  @Test
  void randomStringsComeOutAsGsonWroteThem() throws IOException {
    Random random = new Random(42);
    for (int i = 0; i < 5000; i++) {
      String s = randomString(random, random.nextInt(i % 100 == 0 ? 10_000 : 40));
      assertThat(string(ourWriter(s))).as("string %d", i).isEqualTo(string(gsonWriter(s)));
    }
  }

  @Test
  void aPairAcrossTheEscapingChunkStaysWhole() throws IOException {
    for (int at = 4090; at < 4100; at++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < at; i++) {
        b.append('x');
      }
      String s = b.append("\ud83d\ude00 tail \ud83d").toString();
      byte[] ours = ourWriter(s);
      assertThat(ours).isEqualTo(gsonWriter(s));
      assertThat(string(ours)).contains("\ud83d\ude00 tail \ufffd");
    }
  }

  @Test
  void documentsComeOutAsGsonWroteThem() throws IOException {
    Utf8Buffer a = new Utf8Buffer(16);
    JsonWriter g = new JsonWriter(a);
    g.setSerializeNulls(false);
    g.setHtmlSafe(false);
    g.beginObject().name("a").value(1).name("skipped").nullValue().name("b").beginArray();
    g.value("x").nullValue().value(true).value(-7L).value(Long.MIN_VALUE).value(0.1);
    g.value(new BigDecimal("1E+3")).value(Float.valueOf(0.1f)).beginObject().endObject();
    g.endArray().name("c").value((Boolean) null).name("d").value(false).name("e\n").value(0);
    g.name("f").jsonValue("12.500").endObject().close();

    Utf8Buffer b = new Utf8Buffer(16);
    JsonOut o = new JsonOut(b);
    o.beginObject().name("a").value(1).name("skipped").nullValue().name("b").beginArray();
    o.value("x").nullValue().value(true).value(-7L).value(Long.MIN_VALUE).value(0.1);
    o.value(new BigDecimal("1E+3")).value(Float.valueOf(0.1f)).beginObject().endObject();
    o.endArray().name("c").value((Boolean) null).name("d").value(false).name("e\n").value(0);
    o.name("f").jsonValue("12.500").endObject().close();

    assertThat(string(b.toByteArray())).isEqualTo(string(a.toByteArray()));
    assertThat(string(b.toByteArray()))
        .isEqualTo(
            "{\"a\":1,\"b\":[\"x\",null,true,-7,-9223372036854775808,0.1,1E+3,0.1,{}],"
                + "\"d\":false,\"e\\n\":0,\"f\":12.500}");
  }

  @Test
  void aCachedStringIsWrittenAlikeTheFirstTimeAndEveryTimeAfter() throws IOException {
    Random random = new Random(3);
    String[] strings = new String[2000]; // more than the cache's slots: collisions too
    for (int i = 0; i < strings.length; i++) {
      strings[i] = randomString(random, random.nextInt(140));
    }
    Utf8Buffer cached = new Utf8Buffer(16);
    cached.enableCache();
    Utf8Buffer plain = new Utf8Buffer(16);
    JsonOut c = new JsonOut(cached).beginArray();
    JsonOut p = new JsonOut(plain).beginArray();
    for (int round = 0; round < 3; round++) {
      for (String s : strings) {
        c.valueCached(s);
        p.value(s);
      }
    }
    c.endArray().close();
    p.endArray().close();
    assertThat(cached.toByteArray()).isEqualTo(plain.toByteArray());
  }

  @Test
  void aCachedStringOverTheLimitStillFails() throws IOException {
    String s = "com.example.Service";
    Utf8Buffer b = new Utf8Buffer(8, 40);
    b.enableCache();
    JsonOut o = new JsonOut(b).beginArray().valueCached(s);
    assertThatThrownBy(() -> o.valueCached(s))
        .isInstanceOf(Utf8Buffer.LimitExceededException.class);
  }

  @Test
  void numbersAreWrittenAsLongToStringWould() throws IOException {
    long[] values = {0, 9, 10, 99, 100, 12345, Long.MAX_VALUE, -1, Integer.MAX_VALUE + 1L};
    for (long v : values) {
      Utf8Buffer b = new Utf8Buffer(1);
      new JsonOut(b).value(v);
      assertThat(string(b.toByteArray())).isEqualTo(Long.toString(v));
    }
  }

  @Test
  void misuseIsAnError() {
    assertThatThrownBy(() -> new JsonOut(new Utf8Buffer(8)).beginObject().value("no name"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new JsonOut(new Utf8Buffer(8)).beginArray().endObject())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new JsonOut(new Utf8Buffer(8)).beginObject().name("a").name("b"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new JsonOut(new Utf8Buffer(8)).beginObject().close())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new JsonOut(new Utf8Buffer(8)).value(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStringOverTheLimitFailsAsSoonAsItIsKnownToBeOver() {
    Utf8Buffer b = new Utf8Buffer(8, 11);
    JsonOut o = new JsonOut(b);
    assertThatThrownBy(() -> o.value("ten chars!"))
        .isInstanceOf(Utf8Buffer.LimitExceededException.class);
    assertThat(b.size()).isZero(); // nothing written on the way
  }

  @Test
  void aStringThatFitsTheLimitExactlyIsWritten() throws IOException {
    Utf8Buffer b = new Utf8Buffer(8, 12);
    new JsonOut(b).value("ten chars!");
    assertThat(b.size()).isEqualTo(12);
  }

  private static String randomString(Random random, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(
          random.nextInt(3) == 0
              ? ALPHABET[random.nextInt(ALPHABET.length)]
              : (char) random.nextInt(0x10000));
    }
    return b.toString();
  }

  private static byte[] ourWriter(String s) throws IOException {
    Utf8Buffer b = new Utf8Buffer(16);
    new JsonOut(b).beginArray().value(s).value(s).endArray().close();
    return b.toByteArray();
  }

  private static byte[] gsonWriter(String s) throws IOException {
    Utf8Buffer b = new Utf8Buffer(16);
    JsonWriter w = new JsonWriter(b);
    w.setSerializeNulls(false);
    w.setHtmlSafe(false);
    w.beginArray().value(s).value(s).endArray().close();
    return b.toByteArray();
  }

  private static String string(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

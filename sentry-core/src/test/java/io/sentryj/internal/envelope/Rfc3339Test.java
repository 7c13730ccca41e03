package io.sentryj.internal.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Rfc3339Test {
  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void formatsUtcWithMilliseconds() {
    assertThat(Rfc3339.format(1795515330123L)).isEqualTo("2026-11-24T10:15:30.123Z");
    assertThat(Rfc3339.format(0L)).isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(Rfc3339.format(-1L)).isEqualTo("1969-12-31T23:59:59.999Z");
    assertThat(Rfc3339.format(951782400000L)).isEqualTo("2000-02-29T00:00:00.000Z");
    assertThat(Rfc3339.format(253402300799999L)).isEqualTo("9999-12-31T23:59:59.999Z");
  }

  @Test
  void agreesWithJavaTimeAcrossTheFourDigitYears() {
    SplittableRandom random = new SplittableRandom(42);
    long min = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    for (int i = 0; i < 100_000; i++) {
      long millis = random.nextLong(min, max + 1);
      assertThat(Rfc3339.format(millis))
          .as("%d", millis)
          .isEqualTo(REFERENCE.format(Instant.ofEpochMilli(millis)));
    }
  }

  @Test
  void yearsBeyondFourDigitsFallBackToJavaTime() {
    long millis = Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli();

    assertThat(Rfc3339.format(millis)).isEqualTo("+10000-01-01T00:00:00Z");
  }
}

package io.sentryj.internal.envelope;

import java.time.Instant;

/**
 * Formats timestamps as RFC 3339 UTC with milliseconds, {@code 2026-11-24T10:15:30.123Z}, the form
 * the protocol uses for {@code timestamp}, breadcrumb times and {@code sent_at} (protocol sections
 * 2 and 3). One small char array per call and no {@code SimpleDateFormat} or formatter lookups: it
 * runs for every event and breadcrumb.
 */
public final class Rfc3339 {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** Days from 0000-03-01 to 1970-01-01, in the proleptic Gregorian calendar. */
  private static final long EPOCH_SHIFT_DAYS = 719_468L;

  private static final long DAYS_PER_ERA = 146_097L;

  private Rfc3339() {}

  /** The instant {@code epochMillis} milliseconds after 1970-01-01T00:00:00Z, in RFC 3339. */
  public static String format(long epochMillis) {
    long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
    // Civil date from a day count (H. Hinnant's algorithm): exact for the whole Gregorian range.
    long z = days + EPOCH_SHIFT_DAYS;
    long era = Math.floorDiv(z, DAYS_PER_ERA);
    long dayOfEra = z - era * DAYS_PER_ERA;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long monthIndex = (5 * dayOfYear + 2) / 153; // March = 0
    int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) {
      return Instant.ofEpochMilli(epochMillis).toString(); // not four digits: let java.time sign it
    }
    char[] c = new char[24];
    digits(c, 0, (int) year, 4);
    c[4] = '-';
    digits(c, 5, month, 2);
    c[7] = '-';
    digits(c, 8, day, 2);
    c[10] = 'T';
    digits(c, 11, millisOfDay / 3_600_000, 2);
    c[13] = ':';
    digits(c, 14, millisOfDay / 60_000 % 60, 2);
    c[16] = ':';
    digits(c, 17, millisOfDay / 1000 % 60, 2);
    c[19] = '.';
    digits(c, 20, millisOfDay % 1000, 3);
    c[23] = 'Z';
    return new String(c);
  }

  private static void digits(char[] out, int offset, int value, int width) {
    for (int i = offset + width - 1; i >= offset; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}

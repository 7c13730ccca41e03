package io.sentryj.internal.scope;

import io.sentryj.SentryId;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a caller's trace from incoming headers (protocol section 7): {@code sentry-trace} first,
 * else W3C {@code traceparent}; the {@code sentry-} members of {@code baggage} are the caller's
 * dynamic sampling context, which the continued trace keeps frozen (with its {@code sample_rand}
 * and {@code sampled}). Other vendors' members are not kept. Malformed headers are ignored: the
 * request then starts its own trace.
 */
public final class TraceHeaders {
  /** The longest baggage read, as in Sentry's JavaScript SDK. */
  static final int MAX_BAGGAGE_LENGTH = 8192;

  private TraceHeaders() {}

  /** The continued trace, or null when no header carries a valid one. */
  public static @Nullable PropagationContext continueFrom(
      @Nullable String sentryTrace, @Nullable String baggage, @Nullable String traceparent) {
    String[] ids = sentryTrace != null ? parseSentryTrace(sentryTrace.trim()) : null;
    if (ids == null && traceparent != null) {
      ids = parseTraceparent(traceparent.trim());
    }
    if (ids == null) {
      return null;
    }
    Boolean sampled = ids[2] == null ? null : Boolean.valueOf(ids[2].equals("1"));
    Map<String, String> dsc =
        baggage != null && baggage.length() <= MAX_BAGGAGE_LENGTH
            ? sentryBaggage(baggage)
            : Collections.<String, String>emptyMap();
    String baggageTrace = dsc.get("trace_id");
    if (baggageTrace != null && !baggageTrace.equals(ids[0])) {
      dsc = Collections.emptyMap(); // another trace's context: not this one's to freeze
    }
    Double sampleRand = parseRand(dsc.get("sample_rand"));
    if (sampled == null && dsc.containsKey("sampled")) {
      sampled = Boolean.valueOf("true".equals(dsc.get("sampled")));
    }
    if (!dsc.isEmpty() && !dsc.containsKey("trace_id")) {
      dsc.put("trace_id", ids[0]);
    }
    return PropagationContext.continueTrace(
        SentryId.parse(ids[0]), ids[1], sampled, sampleRand, dsc);
  }

  /** The {@code sentry-} members of baggage, decoded, keys without the prefix, in order. */
  static Map<String, String> sentryBaggage(String baggage) {
    Map<String, String> dsc = new LinkedHashMap<>();
    for (String member : baggage.split(",")) {
      int eq = member.indexOf('=');
      String key = eq > 0 ? member.substring(0, eq).trim() : "";
      if (key.startsWith("sentry-") && key.length() > 7) {
        String value = decode(member.substring(eq + 1));
        if (value != null) {
          dsc.put(key.substring(7), value);
        }
      }
    }
    return dsc;
  }

  /** {trace id, span id, "1"|"0"|null} of {@code trace-span[-sampled]}, or null. */
  static String @Nullable [] parseSentryTrace(String value) {
    String[] parts = value.split("-", -1);
    if (parts.length < 2 || parts.length > 3 || !hex(parts[0], 32) || !hex(parts[1], 16)) {
      return null;
    }
    String sampled = null;
    if (parts.length == 3) {
      if (!parts[2].equals("1") && !parts[2].equals("0")) {
        return null;
      }
      sampled = parts[2];
    }
    return zeroIds(parts[0], parts[1]) ? null : new String[] {parts[0], parts[1], sampled};
  }

  /** {trace id, parent id, "1"|"0"} of {@code 00-trace-parent-flags}, or null. */
  static String @Nullable [] parseTraceparent(String value) {
    String[] parts = value.split("-", -1);
    if (parts.length < 4
        || !hex(parts[0], 2)
        || parts[0].equals("ff")
        || !hex(parts[1], 32)
        || !hex(parts[2], 16)
        || !hex(parts[3], 2)
        || (parts[0].equals("00") && parts.length != 4)
        || zeroIds(parts[1], parts[2])) {
      return null;
    }
    boolean sampled = (Integer.parseInt(parts[3], 16) & 1) == 1;
    return new String[] {parts[1], parts[2], sampled ? "1" : "0"};
  }

  private static boolean zeroIds(String traceId, String spanId) {
    return traceId.matches("0+") || spanId.matches("0+");
  }

  private static boolean hex(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** The decoded value of one baggage member, or null. */
  static @Nullable String baggageValue(String baggage, String key) {
    for (String member : baggage.split(",")) {
      int eq = member.indexOf('=');
      if (eq > 0 && member.substring(0, eq).trim().equals(key)) {
        return decode(member.substring(eq + 1));
      }
    }
    return null;
  }

  private static @Nullable String decode(String raw) {
    int semi = raw.indexOf(';'); // W3C member properties
    String value = (semi < 0 ? raw : raw.substring(0, semi)).trim();
    try {
      return URLDecoder.decode(value, "UTF-8");
    } catch (UnsupportedEncodingException | IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable Double parseRand(@Nullable String rand) {
    if (rand == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(rand);
      return d >= 0 && d < 1 ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The {@code sentry-trace} value for an outgoing request (protocol section 7): {@code
   * trace-span}, with {@code -1} or {@code -0} only when the sampling decision is known.
   */
  public static String outgoingSentryTrace(PropagationContext context) {
    Boolean sampled = context.sampled();
    String value = context.traceId() + "-" + context.spanId();
    return sampled == null ? value : value + (sampled ? "-1" : "-0");
  }

  /**
   * The {@code baggage} value for an outgoing request: the caller's frozen dynamic sampling context
   * when the trace was continued with one, else this SDK's ({@code trace_id}, {@code public_key},
   * {@code environment}, {@code release}, {@code sample_rand}, {@code sampled}), as {@code sentry-}
   * members, URI-encoded.
   */
  public static String outgoingBaggage(
      PropagationContext context,
      @Nullable String publicKey,
      @Nullable String environment,
      @Nullable String release) {
    Map<String, String> dsc = context.frozenDsc();
    if (dsc == null) {
      dsc = new LinkedHashMap<>();
      dsc.put("trace_id", context.traceId().toString());
      putIfSet(dsc, "public_key", publicKey);
      putIfSet(dsc, "environment", environment);
      putIfSet(dsc, "release", release);
      dsc.put("sample_rand", formatSampleRand(context.sampleRand()));
      Boolean sampled = context.sampled();
      if (sampled != null) {
        dsc.put("sampled", sampled.toString());
      }
    }
    StringBuilder baggage = new StringBuilder();
    for (Map.Entry<String, String> member : dsc.entrySet()) {
      if (baggage.length() > 0) {
        baggage.append(',');
      }
      baggage
          .append("sentry-")
          .append(member.getKey())
          .append('=')
          .append(encode(member.getValue()));
    }
    return baggage.toString();
  }

  private static void putIfSet(Map<String, String> dsc, String key, @Nullable String value) {
    if (value != null) {
      dsc.put(key, value);
    }
  }

  /** Six decimals, truncated so that the value stays below 1. */
  private static String formatSampleRand(double rand) {
    long micros = Math.max(0L, Math.min(999_999L, (long) (rand * 1_000_000d)));
    String digits = Long.toString(micros);
    StringBuilder sb = new StringBuilder(8).append("0.");
    for (int i = digits.length(); i < 6; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  private static String encode(String value) {
    try {
      return URLEncoder.encode(value, "UTF-8").replace("+", "%20");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e); // UTF-8 is always there
    }
  }
}

package io.sentryj.internal.envelope;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.SentryId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads envelopes (protocol section 2): ours, as {@link EnvelopeWriter} writes them, and any other
 * that Relay accepts. Items may have a {@code length} or not (then the payload runs to the next
 * {@code \n} or the end); unknown item types and header fields are kept. Framing errors that Relay
 * rejects are errors here too, with the offset: a {@code length} past the end, a payload not
 * followed by {@code \n}, a header that is not one JSON object, a header key given twice.
 *
 * <pre>{@code
 * ParsedEnvelope parsed = EnvelopeParser.parse(Files.readAllBytes(path));
 * transport.send(parsed.envelope());
 * }</pre>
 */
public final class EnvelopeParser {
  private static final int MAX_HEADER_DEPTH = 32;

  private EnvelopeParser() {}

  /** Reads an envelope from the rest of {@code in}, which is not closed. */
  public static ParsedEnvelope parse(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    for (int n; (n = in.read(chunk)) != -1; ) {
      out.write(chunk, 0, n);
    }
    return parse(out.toByteArray());
  }

  /**
   * Reads an envelope. Item payloads are copies, so {@code bytes} may be reused.
   *
   * @throws EnvelopeFormatException if the bytes are not a well-formed envelope
   */
  public static ParsedEnvelope parse(byte[] bytes) throws EnvelopeFormatException {
    int headerEnd = lineEnd(bytes, 0);
    Map<String, Object> headers = parseHeader(bytes, 0, headerEnd);
    SentryId eventId = eventId(headers.remove("event_id"));
    Object sentAt = headers.remove("sent_at");
    if (sentAt != null && !(sentAt instanceof String)) {
      throw new EnvelopeFormatException("sent_at is not a string", 0);
    }
    List<EnvelopeItem> items = new ArrayList<>();
    int pos = headerEnd + 1;
    while (pos < bytes.length) {
      pos = parseItem(bytes, pos, items);
    }
    return new ParsedEnvelope(new Envelope(eventId, headers, items), (String) sentAt);
  }

  /** Parses the item at {@code start}, adds it, and returns where the next one starts. */
  private static int parseItem(byte[] bytes, int start, List<EnvelopeItem> items)
      throws EnvelopeFormatException {
    int headerEnd = lineEnd(bytes, start);
    Map<String, Object> headers = parseHeader(bytes, start, headerEnd);
    Object type = headers.remove("type");
    if (!(type instanceof String)) {
      throw new EnvelopeFormatException("item header has no string \"type\"", start);
    }
    Object length = headers.remove("length");
    int payloadStart = Math.min(headerEnd + 1, bytes.length);
    int payloadEnd;
    if (length != null) {
      long n = length(length, start);
      if (n > bytes.length - payloadStart) {
        throw new EnvelopeFormatException(
            "item length " + n + " runs past the end of the envelope", start);
      }
      payloadEnd = payloadStart + (int) n;
      if (payloadEnd < bytes.length && bytes[payloadEnd] != '\n') {
        throw new EnvelopeFormatException("payload is not followed by a newline", payloadEnd);
      }
    } else {
      payloadEnd = lineEnd(bytes, payloadStart);
    }
    byte[] payload = Arrays.copyOfRange(bytes, payloadStart, payloadEnd);
    items.add(EnvelopeItem.of((String) type, headers, payload));
    return payloadEnd + 1;
  }

  private static long length(Object length, int offset) throws EnvelopeFormatException {
    if (length instanceof Long && (Long) length >= 0) {
      return (Long) length;
    }
    throw new EnvelopeFormatException(
        "item length is not a non-negative integer: " + length, offset);
  }

  private static @Nullable SentryId eventId(@Nullable Object value) throws EnvelopeFormatException {
    if (value == null) {
      return null;
    }
    if (value instanceof String) {
      try {
        return SentryId.parse((String) value);
      } catch (IllegalArgumentException e) {
        throw new EnvelopeFormatException("bad event_id: " + value, 0, e);
      }
    }
    throw new EnvelopeFormatException("event_id is not a string", 0);
  }

  /** The index of the first {@code \n} at or after {@code from}, or the length if none. */
  private static int lineEnd(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return bytes.length;
  }

  private static Map<String, Object> parseHeader(byte[] bytes, int from, int to)
      throws EnvelopeFormatException {
    String line = new String(bytes, from, to - from, StandardCharsets.UTF_8);
    JsonReader reader = new JsonReader(new StringReader(line));
    reader.setStrictness(Strictness.STRICT);
    try {
      if (reader.peek() != JsonToken.BEGIN_OBJECT) {
        throw new EnvelopeFormatException("header is not a JSON object", from);
      }
      Map<String, Object> headers = readObject(reader, 0, true, from);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new EnvelopeFormatException("header line has more than one JSON value", from);
      }
      return headers;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      if (e instanceof EnvelopeFormatException) {
        throw (EnvelopeFormatException) e;
      }
      throw new EnvelopeFormatException("header is not valid JSON: " + e.getMessage(), from, e);
    }
  }

  private static Map<String, Object> readObject(
      JsonReader reader, int depth, boolean rejectDuplicates, int offset) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (rejectDuplicates && map.containsKey(name)) {
        throw new EnvelopeFormatException("header key \"" + name + "\" appears twice", offset);
      }
      Object value = readValue(reader, depth + 1, offset);
      if (value != null) {
        map.put(name, value);
      }
    }
    reader.endObject();
    return map;
  }

  /** A JSON value as plain Java: Map, List, String, Long or BigDecimal, Boolean, or null. */
  private static @Nullable Object readValue(JsonReader reader, int depth, int offset)
      throws IOException {
    if (depth > MAX_HEADER_DEPTH) {
      throw new EnvelopeFormatException("header nests too deep", offset);
    }
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        return readObject(reader, depth, false, offset);
      case BEGIN_ARRAY:
        List<@Nullable Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(readValue(reader, depth + 1, offset));
        }
        reader.endArray();
        return list;
      case STRING:
        return reader.nextString();
      case NUMBER:
        return number(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        reader.nextNull();
        return null;
      default:
        throw new EnvelopeFormatException("unexpected " + reader.peek() + " in header", offset);
    }
  }

  /** Integers as Long (so a {@code length} compares as one), other numbers exactly. */
  private static Object number(String text) {
    if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        // too big for a long: fall through
      }
    }
    return new BigDecimal(text);
  }
}

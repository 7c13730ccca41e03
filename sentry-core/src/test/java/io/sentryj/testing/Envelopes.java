package io.sentryj.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Splits envelope bytes (protocol section 2) into their header and items for assertions. Written
 * independently of the SDK's own parser, so tests of the writer do not check it against itself.
 * Fails loudly (IllegalArgumentException) on framing errors.
 *
 * <pre>{@code
 * Envelopes.Parsed parsed = Envelopes.parse(bytes);
 * JsonObject event = parsed.only("event").json();
 * }</pre>
 */
public final class Envelopes {
  private Envelopes() {}

  /**
   * A request body as sent, gunzipped when it starts with gzip's magic bytes: WireMock hands over
   * some bodies already gunzipped and some not.
   */
  public static byte[] unzipped(byte[] body) {
    if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a whole envelope. */
  public static Parsed parse(byte[] envelope) {
    int lineEnd = indexOf(envelope, (byte) '\n', 0);
    int headerEnd = lineEnd < 0 ? envelope.length : lineEnd;
    JsonObject header = parseObject(envelope, 0, headerEnd);
    List<Item> items = new ArrayList<>();
    int pos = headerEnd + 1;
    while (pos < envelope.length) {
      int itemHeaderEnd = indexOf(envelope, (byte) '\n', pos);
      if (itemHeaderEnd < 0) {
        throw new IllegalArgumentException("item header without a newline at " + pos);
      }
      JsonObject itemHeader = parseObject(envelope, pos, itemHeaderEnd);
      int payloadStart = itemHeaderEnd + 1;
      int payloadEnd;
      if (itemHeader.has("length")) {
        payloadEnd = payloadStart + itemHeader.get("length").getAsInt();
        if (payloadEnd > envelope.length) {
          throw new IllegalArgumentException("length runs past the end at " + pos);
        }
      } else {
        int nl = indexOf(envelope, (byte) '\n', payloadStart);
        payloadEnd = nl < 0 ? envelope.length : nl;
      }
      if (payloadEnd < envelope.length && envelope[payloadEnd] != '\n') {
        throw new IllegalArgumentException("payload not followed by a newline at " + payloadEnd);
      }
      items.add(new Item(itemHeader, Arrays.copyOfRange(envelope, payloadStart, payloadEnd)));
      pos = payloadEnd + 1;
    }
    return new Parsed(header, items);
  }

  /** The JSON payload of the envelope's only event item. */
  public static JsonObject eventJson(byte[] envelope) {
    return parse(envelope).only("event").json();
  }

  private static JsonObject parseObject(byte[] bytes, int from, int to) {
    String line = new String(bytes, from, to - from, StandardCharsets.UTF_8);
    JsonElement element = JsonParser.parseString(line);
    if (!element.isJsonObject()) {
      throw new IllegalArgumentException("header is not a JSON object: " + line);
    }
    return element.getAsJsonObject();
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** An envelope's header and items. */
  public static final class Parsed {
    private final JsonObject header;
    private final List<Item> items;

    Parsed(JsonObject header, List<Item> items) {
      this.header = header;
      this.items = Collections.unmodifiableList(items);
    }

    /** The envelope header. */
    public JsonObject header() {
      return header;
    }

    /** The items, in order. */
    public List<Item> items() {
      return items;
    }

    /** The one item of that type; fails unless there is exactly one. */
    public Item only(String type) {
      Item found = null;
      for (Item item : items) {
        if (item.type().equals(type)) {
          if (found != null) {
            throw new AssertionError("more than one " + type + " item");
          }
          found = item;
        }
      }
      if (found == null) {
        throw new AssertionError("no " + type + " item among " + items);
      }
      return found;
    }
  }

  /** One item: its header and payload bytes. */
  public static final class Item {
    private final JsonObject header;
    private final byte[] payload;

    Item(JsonObject header, byte[] payload) {
      this.header = header;
      this.payload = payload;
    }

    /** The item header. */
    public JsonObject header() {
      return header;
    }

    /** The {@code type} header. */
    public String type() {
      return header.get("type").getAsString();
    }

    /** The payload bytes. */
    public byte[] payload() {
      return payload.clone();
    }

    /** The payload as UTF-8 text. */
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The payload parsed as a JSON object. */
    public JsonObject json() {
      return JsonParser.parseString(text()).getAsJsonObject();
    }

    @Override
    public String toString() {
      return header.toString();
    }
  }
}

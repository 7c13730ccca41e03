package io.sentryj.agent;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sentryj.EnvelopeItem;
import io.sentryj.internal.envelope.EnvelopeParser;
import io.sentryj.internal.envelope.ParsedEnvelope;
import io.sentryj.internal.transport.StoredOutbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Prints envelopes readably: per envelope its event id, and per item its type and size; per event
 * its level, title, breadcrumb count, tags and request. Reads a file, or an outbox directory: its
 * envelope files and the envelopes of batches a killed JVM left, in name order (other files, such
 * as locks, are not envelopes); an envelope that does not parse is reported and skipped.
 */
final class InspectCommand {
  private InspectCommand() {}

  static int run(String[] paths, PrintStream out) throws IOException {
    int failed = 0;
    for (String arg : paths) {
      Path path = Paths.get(arg);
      if (!Files.isDirectory(path)) {
        failed += print(path.toString(), Files.readAllBytes(path), out) ? 0 : 1;
        continue;
      }
      // its files, and the envelopes in batches a killed JVM left, in name order
      Map<String, byte @Nullable []> byName = new TreeMap<>();
      for (Path file : files(path)) {
        if (!isBookkeeping(file.getFileName().toString())) {
          byName.put(file.getFileName().toString(), null);
        }
      }
      for (StoredOutbox.Entry entry : StoredOutbox.read(path)) {
        if (entry.name().contains("#")) {
          byName.put(entry.name(), entry.bytes());
        }
      }
      for (Map.Entry<String, byte @Nullable []> e : byName.entrySet()) {
        Path file = path.resolve(e.getKey());
        byte[] bytes = e.getValue();
        failed += print(file.toString(), bytes != null ? bytes : read(file), out) ? 0 : 1;
      }
    }
    return failed == 0 ? 0 : 1;
  }

  private static List<Path> files(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .forEach(files::add);
    }
    return files;
  }

  /** An outbox's lock, acknowledgement, batch and temporary files: not envelopes to print. */
  private static boolean isBookkeeping(String name) {
    return name.endsWith(".lock")
        || name.endsWith(".acks")
        || name.endsWith(".batch")
        || name.endsWith(".tmp");
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return new byte[0]; // gone since it was listed (sent meanwhile): reported as unreadable
    }
  }

  private static boolean print(String name, byte[] bytes, PrintStream out) {
    try {
      ParsedEnvelope parsed = EnvelopeParser.parse(bytes);
      out.println(name + ": event_id=" + parsed.eventId() + ", sent_at=" + parsed.sentAt());
      for (EnvelopeItem item : parsed.envelope().items()) {
        byte[] payload = item.payload();
        out.println("  " + item.type() + " (" + payload.length + " bytes)");
        if (item.type().equals("event")) {
          printEvent(JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)), out);
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      out.println(name + ": not a readable envelope: " + e.getMessage());
      return false;
    }
  }

  private static void printEvent(JsonElement json, PrintStream out) {
    if (!json.isJsonObject()) {
      out.println("    (payload is not a JSON object)");
      return;
    }
    JsonObject event = json.getAsJsonObject();
    out.println("    level: " + text(event.get("level")));
    out.println("    title: " + title(event));
    out.println("    breadcrumbs: " + breadcrumbs(event.get("breadcrumbs")));
    if (event.has("tags")) {
      out.println("    tags: " + event.get("tags"));
    }
    JsonElement request = event.get("request");
    if (request != null && request.isJsonObject()) {
      JsonObject r = request.getAsJsonObject();
      out.println("    request: " + text(r.get("method")) + " " + text(r.get("url")));
    }
  }

  /**
   * The outermost exception (the last of the list, protocol §exception), else the message ({@code
   * logentry}, or {@code message} as other SDKs write it).
   */
  private static String title(JsonObject event) {
    JsonArray values = values(event.get("exception"));
    if (values != null && values.size() > 0 && values.get(values.size() - 1).isJsonObject()) {
      JsonObject last = values.get(values.size() - 1).getAsJsonObject();
      String value = text(last.get("value"));
      return text(last.get("type")) + (value.isEmpty() ? "" : ": " + value);
    }
    JsonElement message = event.has("logentry") ? event.get("logentry") : event.get("message");
    if (message != null && message.isJsonObject()) {
      JsonObject m = message.getAsJsonObject();
      return text(m.has("formatted") ? m.get("formatted") : m.get("message"));
    }
    return text(message);
  }

  private static int breadcrumbs(@Nullable JsonElement breadcrumbs) {
    JsonArray values = values(breadcrumbs);
    return values == null ? 0 : values.size();
  }

  /** A list written either as {@code {"values": [...]}} or as a bare array. */
  private static @Nullable JsonArray values(@Nullable JsonElement element) {
    if (element == null) {
      return null;
    }
    if (element.isJsonArray()) {
      return element.getAsJsonArray();
    }
    if (element.isJsonObject() && element.getAsJsonObject().has("values")) {
      JsonElement v = element.getAsJsonObject().get("values");
      return v.isJsonArray() ? v.getAsJsonArray() : null;
    }
    return null;
  }

  private static String text(@Nullable JsonElement element) {
    if (element == null || element.isJsonNull()) {
      return "";
    }
    return element.isJsonPrimitive() ? element.getAsString() : element.toString();
  }
}

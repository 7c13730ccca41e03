package io.sentryj.samples.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sentryj.EnvelopeItem;
import io.sentryj.integration.EnvelopeCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What each sample sent, read back from the outbox: the events grouped by the sample whose release
 * they carry, one line each with level, title and breadcrumb count.
 */
final class OutboxSummary {
  private final Map<Sample, List<Captured>> bySample = new EnumMap<>(Sample.class);
  private int others;

  private OutboxSummary() {}

  /** One captured event, in a few words. */
  record Captured(String level, String title, int breadcrumbs, @Nullable String request) {
    @Override
    public String toString() {
      return String.format(
          "%-8s %s (%d breadcrumb%s%s)",
          level,
          title,
          breadcrumbs,
          breadcrumbs == 1 ? "" : "s",
          request == null ? "" : ", " + request);
    }
  }

  /** Reads every {@code .envelope} file of the outbox; one that does not parse is skipped. */
  static OutboxSummary read(Path outbox) throws IOException {
    OutboxSummary summary = new OutboxSummary();
    if (!Files.isDirectory(outbox)) {
      return summary;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(outbox)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".envelope")).sorted().toList();
    }
    for (Path file : files) {
      try {
        for (EnvelopeItem item : EnvelopeCodec.parse(Files.readAllBytes(file)).items()) {
          if (item.type().equals("event")) {
            summary.add(JsonParser.parseString(new String(item.payload(), StandardCharsets.UTF_8)));
          }
        }
      } catch (IOException | RuntimeException e) {
        summary.others++; // inspect has said what is wrong with it
      }
    }
    return summary;
  }

  private void add(JsonElement json) {
    if (!json.isJsonObject()) {
      others++;
      return;
    }
    JsonObject event = json.getAsJsonObject();
    Sample sample = Sample.ofRelease(text(event.get("release")));
    if (sample == null) {
      others++;
      return;
    }
    bySample
        .computeIfAbsent(sample, s -> new ArrayList<>())
        .add(
            new Captured(
                text(event.get("level")),
                title(event),
                size(values(event.get("breadcrumbs"))),
                request(event.get("request"))));
  }

  /** The events of one sample, in the order they were written. */
  List<Captured> of(Sample sample) {
    return bySample.getOrDefault(sample, List.of());
  }

  /** Whether the outbox held no event at all. */
  boolean isEmpty() {
    return bySample.isEmpty() && others == 0;
  }

  /** Prints one block per sample, and what a missing event means. */
  void print(PrintStream out) {
    out.println();
    out.println("== What each sample sent");
    for (Sample sample : Sample.values()) {
      List<Captured> events = of(sample);
      out.printf(
          "%-8s %d event%s  (%s)%n",
          sample.dir(), events.size(), events.size() == 1 ? "" : "s", sample.what());
      for (Captured event : events) {
        out.println("    " + event);
      }
    }
    if (others > 0) {
      out.println(others + " other envelope(s) or event(s), not from a sample");
    }
  }

  private static String title(JsonObject event) {
    JsonArray exceptions = values(event.get("exception"));
    if (exceptions != null && !exceptions.isEmpty()) {
      // the outermost exception is the last (protocol: exception values, innermost first)
      JsonElement last = exceptions.get(exceptions.size() - 1);
      if (last.isJsonObject()) {
        String type = text(last.getAsJsonObject().get("type"));
        String value = text(last.getAsJsonObject().get("value"));
        return simpleName(type) + (value.isEmpty() ? "" : ": " + value);
      }
    }
    JsonElement message = event.has("logentry") ? event.get("logentry") : event.get("message");
    if (message != null && message.isJsonObject()) {
      JsonObject m = message.getAsJsonObject();
      return text(m.has("formatted") ? m.get("formatted") : m.get("message"));
    }
    return text(message);
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static @Nullable String request(@Nullable JsonElement request) {
    if (request == null || !request.isJsonObject()) {
      return null;
    }
    JsonObject r = request.getAsJsonObject();
    return "request " + text(r.get("method")) + " " + text(r.get("url"));
  }

  private static int size(@Nullable JsonArray array) {
    return array == null ? 0 : array.size();
  }

  /** A list written as {@code {"values": [...]}} or as a bare array. */
  private static @Nullable JsonArray values(@Nullable JsonElement element) {
    if (element != null && element.isJsonObject()) {
      element = element.getAsJsonObject().get("values");
    }
    return element != null && element.isJsonArray() ? element.getAsJsonArray() : null;
  }

  /** The element as text; empty when it is missing. */
  private static String text(@Nullable JsonElement element) {
    if (element == null || element.isJsonNull()) {
      return "";
    }
    return element.isJsonPrimitive() ? element.getAsString() : element.toString();
  }

  @Override
  public String toString() {
    return "OutboxSummary{" + bySample.keySet() + ", others=" + others + '}';
  }
}

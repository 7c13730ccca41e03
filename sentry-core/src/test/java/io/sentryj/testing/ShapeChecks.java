package io.sentryj.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks of one field each that {@link SentryRustShape} is made of, gathering what fails: what
 * serde would refuse for a field of that Rust type ({@code String}, {@code bool}, {@code u64},
 * {@code Level}, ids, timestamps, maps of strings).
 */
final class ShapeChecks {
  private static final Set<String> LEVELS =
      new HashSet<>(Arrays.asList("debug", "info", "log", "warning", "error", "fatal"));

  final List<String> violations = new ArrayList<>();

  void required(JsonObject o, String name, String p) {
    if (!o.has(name) || o.get(name).isJsonNull()) {
      violations.add(p + "." + name + ": required");
    }
  }

  void string(JsonObject o, String name, String p) {
    JsonElement v = o.get(name);
    if (v != null && !v.isJsonNull() && !isString(v)) {
      violations.add(p + "." + name + ": not a string: " + abbreviate(v));
    }
  }

  void bool(JsonObject o, String name, String p) {
    JsonElement v = o.get(name);
    if (v != null
        && !v.isJsonNull()
        && !(v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean())) {
      violations.add(p + "." + name + ": not a boolean: " + v);
    }
  }

  void unsigned(JsonObject o, String name, String p) {
    JsonElement v = o.get(name);
    if (v != null && !v.isJsonNull()) {
      boolean ok = v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber();
      if (!ok || v.getAsBigDecimal().signum() < 0 || v.getAsBigDecimal().scale() > 0) {
        violations.add(p + "." + name + ": not an unsigned integer: " + v);
      }
    }
  }

  void threadId(JsonObject o, String name, String p) {
    JsonElement v = o.get(name);
    if (v != null && !v.isJsonNull() && !isString(v)) {
      unsigned(o, name, p);
    }
  }

  void level(JsonObject o, String name, String p) {
    JsonElement v = o.get(name);
    if (v != null && !v.isJsonNull() && !(isString(v) && LEVELS.contains(v.getAsString()))) {
      violations.add(p + "." + name + ": not a level: " + v);
    }
  }

  void matches(JsonObject o, String name, Pattern pattern, String p) {
    JsonElement v = o.get(name);
    if (v != null && !v.isJsonNull()) {
      if (!isString(v) || !pattern.matcher(v.getAsString()).matches()) {
        violations.add(p + "." + name + ": does not parse: " + v);
      }
    }
  }

  void timestamp(JsonObject o, String name, String p) {
    JsonElement v = o.get(name);
    if (v == null || v.isJsonNull()) {
      return;
    }
    if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
      return;
    }
    try {
      OffsetDateTime.parse(v.getAsString());
    } catch (DateTimeParseException | UnsupportedOperationException | IllegalStateException e) {
      violations.add(p + "." + name + ": neither a number nor RFC 3339: " + v);
    }
  }

  @Nullable JsonObject object(JsonObject o, String name, String p) {
    JsonElement v = o.get(name);
    if (v == null || v.isJsonNull()) {
      return null;
    }
    if (!v.isJsonObject()) {
      violations.add(p + "." + name + ": not an object: " + abbreviate(v));
      return null;
    }
    return v.getAsJsonObject();
  }

  @Nullable JsonArray array(JsonObject o, String name, String p) {
    JsonElement v = o.get(name);
    if (v == null || v.isJsonNull()) {
      return null;
    }
    if (!v.isJsonArray()) {
      violations.add(p + "." + name + ": not an array: " + abbreviate(v));
      return null;
    }
    return v.getAsJsonArray();
  }

  void stringArray(JsonObject o, String name, String p) {
    JsonArray a = array(o, name, p);
    if (a != null) {
      for (JsonElement item : a) {
        if (!isString(item)) {
          violations.add(p + "." + name + ": an item is not a string: " + item);
        }
      }
    }
  }

  void stringMap(JsonObject o, String name, String p) {
    JsonObject m = object(o, name, p);
    if (m != null) {
      for (Map.Entry<String, JsonElement> e : m.entrySet()) {
        if (!isString(e.getValue())) {
          violations.add(
              p
                  + "."
                  + name
                  + "."
                  + e.getKey()
                  + ": not a string (expected a map of"
                  + " strings): "
                  + abbreviate(e.getValue()));
        }
      }
    }
  }

  static boolean isString(JsonElement v) {
    return v.isJsonPrimitive() && ((JsonPrimitive) v).isString();
  }

  /** What the {@code url} crate parses without a base: a scheme, {@code //} and a host. */
  static boolean isAbsoluteUrl(String s) {
    try {
      URI uri = new URI(s.replace("[Filtered]", "filtered"));
      return uri.isAbsolute() && uri.getRawAuthority() != null;
    } catch (Exception e) {
      return false;
    }
  }

  static boolean isIpAddress(String s) {
    if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      for (String part : s.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return false;
        }
      }
      return true;
    }
    return s.contains(":") && s.matches("[0-9a-fA-F:.]+");
  }

  static String abbreviate(JsonElement v) {
    String s = v.toString();
    return s.length() <= 120 ? s : s.substring(0, 120) + "...";
  }
}

package io.sentryj.testing;

import static org.assertj.core.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an event payload against the types sentry-rust deserializes events into: the parser of
 * sentry-cli ({@code sentry-cli send-envelope}, {@code send-event}) and of every tool built on the
 * {@code sentry-types} crate. Its {@code Event} (getsentry/sentry-rust, {@code
 * sentry-types/src/protocol/v7.rs}, read at commit 0b21336) is stricter than Relay in places: a
 * {@code logentry} must have {@code message}; {@code request.headers} and {@code request.env} must
 * be objects of strings; {@code request.cookies}, {@code request.data} and {@code
 * request.query_string} must be strings; {@code request.url} must parse as an absolute URL; every
 * exception and mechanism must have a {@code type}; levels, span and trace ids, IP addresses and
 * timestamps must parse; contexts named like a known type ({@code os}, {@code runtime}, {@code
 * trace}, ...) must fit that type. Unknown fields are ignored there, as here.
 *
 * <p>Written from reading those types, not generated from them: what it checks is listed in the
 * code below, one line per field, so a reader can hold it against the Rust source.
 *
 * <pre>{@code
 * SentryRustShape.assertValid(serializer.serialize(event));
 * }</pre>
 */
public final class SentryRustShape {
  private static final Set<String> LEVELS =
      new HashSet<>(Arrays.asList("debug", "info", "log", "warning", "error", "fatal"));
  private static final Set<String> CONTEXT_TYPES =
      new HashSet<>(
          Arrays.asList(
              "device", "os", "runtime", "app", "browser", "trace", "gpu", "otel", "response"));
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{32}|[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
  private static final Pattern SPAN_ID = Pattern.compile("[0-9a-fA-F]{16}");
  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-fA-F]{32}");

  private final List<String> violations = new ArrayList<>();

  private SentryRustShape() {}

  /** Fails with every violation when {@code eventJson} (UTF-8) would not parse in sentry-rust. */
  public static void assertValid(byte[] eventJson) {
    assertValid(new String(eventJson, StandardCharsets.UTF_8));
  }

  /** Fails with every violation when {@code eventJson} would not parse in sentry-rust. */
  public static void assertValid(String eventJson) {
    List<String> found = violations(eventJson);
    if (!found.isEmpty()) {
      fail("event does not fit sentry-rust's Event:\n  " + String.join("\n  ", found));
    }
  }

  /** The violations, empty when sentry-rust would parse the event. */
  public static List<String> violations(String eventJson) {
    SentryRustShape shape = new SentryRustShape();
    JsonElement root = JsonParser.parseString(eventJson);
    if (!root.isJsonObject()) {
      shape.violations.add("$: not an object");
    } else {
      shape.event(root.getAsJsonObject());
    }
    return shape.violations;
  }

  private void event(JsonObject e) {
    matches(e, "event_id", UUID, "$");
    level(e, "level", "$");
    stringArray(e, "fingerprint", "$");
    for (String name :
        Arrays.asList(
            "culprit",
            "transaction",
            "message",
            "logger",
            "platform",
            "server_name",
            "release",
            "dist",
            "environment")) {
      string(e, name, "$");
    }
    timestamp(e, "timestamp", "$");
    stringMap(e, "modules", "$");
    stringMap(e, "tags", "$");
    object(e, "extra", "$");
    JsonObject logentry = object(e, "logentry", "$");
    if (logentry != null) {
      required(logentry, "message", "$.logentry");
      string(logentry, "message", "$.logentry");
      array(logentry, "params", "$.logentry");
    }
    JsonObject user = object(e, "user", "$");
    if (user != null) {
      user(user);
    }
    JsonObject request = object(e, "request", "$");
    if (request != null) {
      request(request);
    }
    JsonObject contexts = object(e, "contexts", "$");
    if (contexts != null) {
      contexts(contexts);
    }
    for (JsonObject b : values(e, "breadcrumbs")) {
      breadcrumb(b);
    }
    for (JsonObject x : values(e, "exception")) {
      exception(x);
    }
    for (JsonObject t : values(e, "threads")) {
      thread(t);
    }
    JsonObject st = object(e, "stacktrace", "$");
    if (st != null) {
      stacktrace(st, "$.stacktrace");
    }
    JsonObject sdk = object(e, "sdk", "$");
    if (sdk != null) {
      sdk(sdk);
    }
  }

  private void user(JsonObject u) {
    string(u, "id", "$.user");
    string(u, "email", "$.user");
    string(u, "username", "$.user");
    JsonElement ip = u.get("ip_address");
    if (ip != null && !ip.isJsonNull()) {
      String s = ip.isJsonPrimitive() ? ip.getAsString() : "";
      if (!"{{auto}}".equals(s) && !isIpAddress(s)) {
        violations.add("$.user.ip_address: not an IP address or {{auto}}: " + ip);
      }
    }
  }

  private void request(JsonObject r) {
    String p = "$.request";
    JsonElement url = r.get("url");
    if (url != null && !url.isJsonNull()) {
      if (!isString(url) || !isAbsoluteUrl(url.getAsString())) {
        violations.add(p + ".url: not an absolute URL: " + url);
      }
    }
    string(r, "method", p);
    string(r, "data", p);
    string(r, "query_string", p);
    string(r, "cookies", p);
    stringMap(r, "headers", p);
    stringMap(r, "env", p);
  }

  private void contexts(JsonObject contexts) {
    for (Map.Entry<String, JsonElement> c : contexts.entrySet()) {
      String p = "$.contexts." + c.getKey();
      if (!c.getValue().isJsonObject()) {
        violations.add(p + ": a context must be an object");
        continue;
      }
      JsonObject ctx = c.getValue().getAsJsonObject();
      JsonElement declared = ctx.get("type");
      String type;
      if (declared != null) {
        type = isString(declared) ? declared.getAsString() : "";
        if (!CONTEXT_TYPES.contains(type) && !type.equals("unknown")) {
          violations.add(p + ".type: no such context type: " + declared);
        }
      } else {
        type = CONTEXT_TYPES.contains(c.getKey()) ? c.getKey() : "unknown";
      }
      typedContext(type, ctx, p);
    }
  }

  private void typedContext(String type, JsonObject ctx, String p) {
    switch (type) {
      case "os":
        for (String f : Arrays.asList("name", "version", "build", "kernel_version")) {
          string(ctx, f, p);
        }
        bool(ctx, "rooted", p);
        break;
      case "runtime":
        string(ctx, "name", p);
        string(ctx, "version", p);
        break;
      case "trace":
        matches(ctx, "span_id", SPAN_ID, p);
        matches(ctx, "trace_id", TRACE_ID, p);
        matches(ctx, "parent_span_id", SPAN_ID, p);
        for (String f : Arrays.asList("op", "description", "status", "origin")) {
          string(ctx, f, p);
        }
        object(ctx, "data", p);
        break;
      default:
        break; // other typed contexts are not written by the SDK; "unknown" takes any object
    }
  }

  private void breadcrumb(JsonObject b) {
    String p = "$.breadcrumbs";
    timestamp(b, "timestamp", p);
    string(b, "type", p);
    string(b, "category", p);
    level(b, "level", p);
    string(b, "message", p);
    object(b, "data", p);
  }

  private void exception(JsonObject x) {
    String p = "$.exception";
    required(x, "type", p);
    string(x, "type", p);
    string(x, "value", p);
    string(x, "module", p);
    threadId(x, "thread_id", p);
    for (String name : Arrays.asList("stacktrace", "raw_stacktrace")) {
      JsonObject st = object(x, name, p);
      if (st != null) {
        stacktrace(st, p + "." + name);
      }
    }
    JsonObject m = object(x, "mechanism", p);
    if (m != null) {
      required(m, "type", p + ".mechanism");
      string(m, "type", p + ".mechanism");
      string(m, "description", p + ".mechanism");
      bool(m, "handled", p + ".mechanism");
      bool(m, "synthetic", p + ".mechanism");
      object(m, "data", p + ".mechanism");
      object(m, "meta", p + ".mechanism");
      JsonElement link = m.get("help_link");
      if (link != null && !link.isJsonNull() && !isAbsoluteUrl(link.getAsString())) {
        violations.add(p + ".mechanism.help_link: not a URL");
      }
    }
  }

  private void thread(JsonObject t) {
    String p = "$.threads";
    threadId(t, "id", p);
    string(t, "name", p);
    bool(t, "crashed", p);
    bool(t, "current", p);
    JsonObject st = object(t, "stacktrace", p);
    if (st != null) {
      stacktrace(st, p + ".stacktrace");
    }
  }

  private void stacktrace(JsonObject st, String p) {
    JsonArray frames = array(st, "frames", p);
    if (frames != null) {
      for (JsonElement f : frames) {
        if (!f.isJsonObject()) {
          violations.add(p + ".frames: a frame must be an object");
          continue;
        }
        JsonObject frame = f.getAsJsonObject();
        for (String s :
            Arrays.asList(
                "function",
                "symbol",
                "module",
                "package",
                "filename",
                "abs_path",
                "context_line")) {
          string(frame, s, p + ".frames");
        }
        unsigned(frame, "lineno", p + ".frames");
        unsigned(frame, "colno", p + ".frames");
        stringArray(frame, "pre_context", p + ".frames");
        stringArray(frame, "post_context", p + ".frames");
        bool(frame, "in_app", p + ".frames");
        object(frame, "vars", p + ".frames");
      }
    }
  }

  private void sdk(JsonObject sdk) {
    required(sdk, "name", "$.sdk");
    required(sdk, "version", "$.sdk");
    string(sdk, "name", "$.sdk");
    string(sdk, "version", "$.sdk");
    stringArray(sdk, "integrations", "$.sdk");
    JsonArray packages = array(sdk, "packages", "$.sdk");
    if (packages != null) {
      for (JsonElement pkg : packages) {
        if (!pkg.isJsonObject()) {
          violations.add("$.sdk.packages: a package must be an object");
          continue;
        }
        required(pkg.getAsJsonObject(), "name", "$.sdk.packages");
        required(pkg.getAsJsonObject(), "version", "$.sdk.packages");
      }
    }
  }

  /** The items of a {@code Values<T>}: sentry-rust wants {@code {"values": [...]}}. */
  private List<JsonObject> values(JsonObject e, String name) {
    List<JsonObject> items = new ArrayList<>();
    JsonElement v = e.get(name);
    if (v == null || v.isJsonNull()) {
      return items;
    }
    if (!v.isJsonObject() || !v.getAsJsonObject().has("values")) {
      violations.add("$." + name + ": must be {\"values\": [...]}");
      return items;
    }
    JsonElement list = v.getAsJsonObject().get("values");
    if (!list.isJsonArray()) {
      violations.add("$." + name + ".values: not an array");
      return items;
    }
    for (JsonElement item : list.getAsJsonArray()) {
      if (item.isJsonObject()) {
        items.add(item.getAsJsonObject());
      } else {
        violations.add("$." + name + ".values: an item is not an object");
      }
    }
    return items;
  }

  private void required(JsonObject o, String name, String p) {
    if (!o.has(name) || o.get(name).isJsonNull()) {
      violations.add(p + "." + name + ": required");
    }
  }

  private void string(JsonObject o, String name, String p) {
    JsonElement v = o.get(name);
    if (v != null && !v.isJsonNull() && !isString(v)) {
      violations.add(p + "." + name + ": not a string: " + abbreviate(v));
    }
  }

  private void bool(JsonObject o, String name, String p) {
    JsonElement v = o.get(name);
    if (v != null
        && !v.isJsonNull()
        && !(v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean())) {
      violations.add(p + "." + name + ": not a boolean: " + v);
    }
  }

  private void unsigned(JsonObject o, String name, String p) {
    JsonElement v = o.get(name);
    if (v != null && !v.isJsonNull()) {
      boolean ok = v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber();
      if (!ok || v.getAsBigDecimal().signum() < 0 || v.getAsBigDecimal().scale() > 0) {
        violations.add(p + "." + name + ": not an unsigned integer: " + v);
      }
    }
  }

  private void threadId(JsonObject o, String name, String p) {
    JsonElement v = o.get(name);
    if (v != null && !v.isJsonNull() && !isString(v)) {
      unsigned(o, name, p);
    }
  }

  private void level(JsonObject o, String name, String p) {
    JsonElement v = o.get(name);
    if (v != null && !v.isJsonNull() && !(isString(v) && LEVELS.contains(v.getAsString()))) {
      violations.add(p + "." + name + ": not a level: " + v);
    }
  }

  private void matches(JsonObject o, String name, Pattern pattern, String p) {
    JsonElement v = o.get(name);
    if (v != null && !v.isJsonNull()) {
      if (!isString(v) || !pattern.matcher(v.getAsString()).matches()) {
        violations.add(p + "." + name + ": does not parse: " + v);
      }
    }
  }

  private void timestamp(JsonObject o, String name, String p) {
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

  private JsonObject object(JsonObject o, String name, String p) {
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

  private JsonArray array(JsonObject o, String name, String p) {
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

  private void stringArray(JsonObject o, String name, String p) {
    JsonArray a = array(o, name, p);
    if (a != null) {
      for (JsonElement item : a) {
        if (!isString(item)) {
          violations.add(p + "." + name + ": an item is not a string: " + item);
        }
      }
    }
  }

  private void stringMap(JsonObject o, String name, String p) {
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

  private static boolean isString(JsonElement v) {
    return v.isJsonPrimitive() && ((JsonPrimitive) v).isString();
  }

  /** What the {@code url} crate parses without a base: a scheme, {@code //} and a host. */
  private static boolean isAbsoluteUrl(String s) {
    try {
      URI uri = new URI(s.replace("[Filtered]", "filtered"));
      return uri.isAbsolute() && uri.getRawAuthority() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean isIpAddress(String s) {
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

  private static String abbreviate(JsonElement v) {
    String s = v.toString();
    return s.length() <= 120 ? s : s.substring(0, 120) + "...";
  }
}

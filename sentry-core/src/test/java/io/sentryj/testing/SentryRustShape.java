package io.sentryj.testing;

import static org.assertj.core.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
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
  private static final Set<String> CONTEXT_TYPES =
      new HashSet<>(
          Arrays.asList(
              "device", "os", "runtime", "app", "browser", "trace", "gpu", "otel", "response"));
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{32}|[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
  private static final Pattern SPAN_ID = Pattern.compile("[0-9a-fA-F]{16}");
  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-fA-F]{32}");

  private final ShapeChecks c = new ShapeChecks();
  private final List<String> violations = c.violations;

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
    c.matches(e, "event_id", UUID, "$");
    c.level(e, "level", "$");
    c.stringArray(e, "fingerprint", "$");
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
      c.string(e, name, "$");
    }
    c.timestamp(e, "timestamp", "$");
    c.stringMap(e, "modules", "$");
    c.stringMap(e, "tags", "$");
    c.object(e, "extra", "$");
    JsonObject logentry = c.object(e, "logentry", "$");
    if (logentry != null) {
      c.required(logentry, "message", "$.logentry");
      c.string(logentry, "message", "$.logentry");
      c.array(logentry, "params", "$.logentry");
    }
    JsonObject user = c.object(e, "user", "$");
    if (user != null) {
      user(user);
    }
    JsonObject request = c.object(e, "request", "$");
    if (request != null) {
      request(request);
    }
    JsonObject contexts = c.object(e, "contexts", "$");
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
    JsonObject st = c.object(e, "stacktrace", "$");
    if (st != null) {
      stacktrace(st, "$.stacktrace");
    }
    JsonObject sdk = c.object(e, "sdk", "$");
    if (sdk != null) {
      sdk(sdk);
    }
  }

  private void user(JsonObject u) {
    c.string(u, "id", "$.user");
    c.string(u, "email", "$.user");
    c.string(u, "username", "$.user");
    JsonElement ip = u.get("ip_address");
    if (ip != null && !ip.isJsonNull()) {
      String s = ip.isJsonPrimitive() ? ip.getAsString() : "";
      if (!"{{auto}}".equals(s) && !ShapeChecks.isIpAddress(s)) {
        violations.add("$.user.ip_address: not an IP address or {{auto}}: " + ip);
      }
    }
  }

  private void request(JsonObject r) {
    String p = "$.request";
    JsonElement url = r.get("url");
    if (url != null && !url.isJsonNull()) {
      if (!ShapeChecks.isString(url) || !ShapeChecks.isAbsoluteUrl(url.getAsString())) {
        violations.add(p + ".url: not an absolute URL: " + url);
      }
    }
    c.string(r, "method", p);
    c.string(r, "data", p);
    c.string(r, "query_string", p);
    c.string(r, "cookies", p);
    c.stringMap(r, "headers", p);
    c.stringMap(r, "env", p);
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
        type = ShapeChecks.isString(declared) ? declared.getAsString() : "";
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
          c.string(ctx, f, p);
        }
        c.bool(ctx, "rooted", p);
        break;
      case "runtime":
        c.string(ctx, "name", p);
        c.string(ctx, "version", p);
        break;
      case "trace":
        c.matches(ctx, "span_id", SPAN_ID, p);
        c.matches(ctx, "trace_id", TRACE_ID, p);
        c.matches(ctx, "parent_span_id", SPAN_ID, p);
        for (String f : Arrays.asList("op", "description", "status", "origin")) {
          c.string(ctx, f, p);
        }
        c.object(ctx, "data", p);
        break;
      default:
        break; // other typed contexts are not written by the SDK; "unknown" takes any object
    }
  }

  private void breadcrumb(JsonObject b) {
    String p = "$.breadcrumbs";
    c.timestamp(b, "timestamp", p);
    c.string(b, "type", p);
    c.string(b, "category", p);
    c.level(b, "level", p);
    c.string(b, "message", p);
    c.object(b, "data", p);
  }

  private void exception(JsonObject x) {
    String p = "$.exception";
    c.required(x, "type", p);
    c.string(x, "type", p);
    c.string(x, "value", p);
    c.string(x, "module", p);
    c.threadId(x, "thread_id", p);
    for (String name : Arrays.asList("stacktrace", "raw_stacktrace")) {
      JsonObject st = c.object(x, name, p);
      if (st != null) {
        stacktrace(st, p + "." + name);
      }
    }
    JsonObject m = c.object(x, "mechanism", p);
    if (m != null) {
      c.required(m, "type", p + ".mechanism");
      c.string(m, "type", p + ".mechanism");
      c.string(m, "description", p + ".mechanism");
      c.bool(m, "handled", p + ".mechanism");
      c.bool(m, "synthetic", p + ".mechanism");
      c.object(m, "data", p + ".mechanism");
      c.object(m, "meta", p + ".mechanism");
      JsonElement link = m.get("help_link");
      if (link != null && !link.isJsonNull() && !ShapeChecks.isAbsoluteUrl(link.getAsString())) {
        violations.add(p + ".mechanism.help_link: not a URL");
      }
    }
  }

  private void thread(JsonObject t) {
    String p = "$.threads";
    c.threadId(t, "id", p);
    c.string(t, "name", p);
    c.bool(t, "crashed", p);
    c.bool(t, "current", p);
    JsonObject st = c.object(t, "stacktrace", p);
    if (st != null) {
      stacktrace(st, p + ".stacktrace");
    }
  }

  private void stacktrace(JsonObject st, String p) {
    JsonArray frames = c.array(st, "frames", p);
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
          c.string(frame, s, p + ".frames");
        }
        c.unsigned(frame, "lineno", p + ".frames");
        c.unsigned(frame, "colno", p + ".frames");
        c.stringArray(frame, "pre_context", p + ".frames");
        c.stringArray(frame, "post_context", p + ".frames");
        c.bool(frame, "in_app", p + ".frames");
        c.object(frame, "vars", p + ".frames");
      }
    }
  }

  private void sdk(JsonObject sdk) {
    c.required(sdk, "name", "$.sdk");
    c.required(sdk, "version", "$.sdk");
    c.string(sdk, "name", "$.sdk");
    c.string(sdk, "version", "$.sdk");
    c.stringArray(sdk, "integrations", "$.sdk");
    JsonArray packages = c.array(sdk, "packages", "$.sdk");
    if (packages != null) {
      for (JsonElement pkg : packages) {
        if (!pkg.isJsonObject()) {
          violations.add("$.sdk.packages: a package must be an object");
          continue;
        }
        c.required(pkg.getAsJsonObject(), "name", "$.sdk.packages");
        c.required(pkg.getAsJsonObject(), "version", "$.sdk.packages");
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
}

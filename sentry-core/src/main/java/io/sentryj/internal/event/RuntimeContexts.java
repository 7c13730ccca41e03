package io.sentryj.internal.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code os} and {@code runtime} contexts (protocol section 3), read once from system
 * properties and shared, immutable, by every event ({@link io.sentryj.protocol.Contexts#put} keeps
 * the map it is given).
 *
 * <p>Only keys of the schema's {@code OsContext} and {@code RuntimeContext} are used, so the
 * contexts stay canonical; the CPU architecture, which has no key there, is part of the {@code os}
 * context's {@code raw_description}. A property a security manager hides is left out.
 */
public final class RuntimeContexts {
  private RuntimeContexts() {}

  /**
   * The {@code os} context: {@code name} ({@code os.name}), {@code version} ({@code os.version}),
   * {@code kernel_version} on Linux, where {@code os.version} is the kernel's, and {@code
   * raw_description} (name, version and architecture).
   */
  public static Map<String, Object> os() {
    return Holder.OS;
  }

  /**
   * The {@code runtime} context: {@code name} ({@code java.runtime.name}, else {@code Java}),
   * {@code version} ({@code java.version}), {@code build} ({@code java.runtime.version}) and {@code
   * raw_description} (vendor, VM name and VM version).
   */
  public static Map<String, Object> runtime() {
    return Holder.RUNTIME;
  }

  static Map<String, Object> os(Function<String, @Nullable String> properties) {
    String name = properties.apply("os.name");
    String version = properties.apply("os.version");
    Map<String, Object> os = new LinkedHashMap<>();
    putIfPresent(os, "name", name);
    putIfPresent(os, "version", version);
    if (name != null && name.startsWith("Linux")) {
      putIfPresent(os, "kernel_version", version);
    }
    putIfPresent(os, "raw_description", join(name, version, properties.apply("os.arch")));
    return Collections.unmodifiableMap(os);
  }

  static Map<String, Object> runtime(Function<String, @Nullable String> properties) {
    Map<String, Object> runtime = new LinkedHashMap<>();
    String name = properties.apply("java.runtime.name");
    runtime.put("name", name == null ? "Java" : name);
    putIfPresent(runtime, "version", properties.apply("java.version"));
    putIfPresent(runtime, "build", properties.apply("java.runtime.version"));
    putIfPresent(
        runtime,
        "raw_description",
        join(
            properties.apply("java.vendor"),
            properties.apply("java.vm.name"),
            properties.apply("java.vm.version")));
    return Collections.unmodifiableMap(runtime);
  }

  static @Nullable String systemProperty(String key) {
    try {
      String value = System.getProperty(key);
      return value == null || value.trim().isEmpty() ? null : value.trim();
    } catch (RuntimeException e) { // SecurityException
      return null;
    }
  }

  private static void putIfPresent(Map<String, Object> map, String key, @Nullable String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static @Nullable String join(@Nullable String... parts) {
    StringBuilder joined = new StringBuilder();
    for (String part : parts) {
      if (part != null) {
        if (joined.length() > 0) {
          joined.append(' ');
        }
        joined.append(part);
      }
    }
    return joined.length() == 0 ? null : joined.toString();
  }

  /** Computed on first use, once. */
  private static final class Holder {
    static final Map<String, Object> OS = os(RuntimeContexts::systemProperty);
    static final Map<String, Object> RUNTIME = runtime(RuntimeContexts::systemProperty);
  }
}

package io.sentryj.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses the text after {@code -javaagent:sentry-agent.jar=}: {@code key=value} pairs separated by
 * commas, keys as in {@code sentry.properties}. A value may hold {@code =} (only the first one
 * separates). A part without {@code =} continues the previous value, so that a list reads
 * naturally: {@code in-app-includes=com.shop,com.lib,environment=staging} sets two keys.
 */
final class AgentArgs {
  private AgentArgs() {}

  /**
   * The pairs in order; later keys replace earlier ones.
   *
   * @throws IllegalArgumentException when the text starts with a part that has no key
   */
  static Map<String, String> parse(@Nullable String text) {
    if (text == null || text.trim().isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    String lastKey = null;
    for (String part : text.split(",", -1)) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        lastKey = part.substring(0, eq).trim();
        pairs.put(lastKey, part.substring(eq + 1).trim());
      } else if (lastKey != null) {
        pairs.put(lastKey, pairs.get(lastKey) + "," + part.trim());
      } else if (!part.trim().isEmpty()) {
        throw new IllegalArgumentException(
            "agent argument \"" + part.trim() + "\" is not of the form key=value");
      }
    }
    return Collections.unmodifiableMap(pairs);
  }
}

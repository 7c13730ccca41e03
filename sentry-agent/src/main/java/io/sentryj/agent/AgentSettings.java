package io.sentryj.agent;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The agent's own settings, which {@code SentryOptions} does not know: keys under {@code agent.}.
 * Each is read from the agent arguments ({@code agent.instrumentation.executor.enabled=false}),
 * then system properties ({@code -Dsentry.agent.instrumentation.executor.enabled=false}), then the
 * environment ({@code SENTRY_AGENT_INSTRUMENTATION_EXECUTOR_ENABLED=false}); the first one set
 * wins, as for every option.
 */
final class AgentSettings implements Function<String, @Nullable String> {
  static final String PREFIX = "agent.";

  /**
   * A directory to write each envelope to as a file, instead of sending it: for looking at what the
   * agent captures without a server, and for the agent's own tests. Synchronous and unbounded, so
   * not for production.
   */
  static final String ENVELOPE_DIR = "agent.envelope-dir";

  /**
   * {@code background} (the default): premain returns at once and the SDK and instrumentations
   * start on a thread of their own beside the application; {@code sync}: premain returns once all
   * is installed, so that even the application's first log line or task is seen.
   */
  static final String START = "agent.start";

  private final Map<String, String> agentArgs;
  private final Properties systemProperties;
  private final Map<String, String> env;

  AgentSettings(
      Map<String, String> agentArgs, Properties systemProperties, Map<String, String> env) {
    this.agentArgs = agentArgs;
    this.systemProperties = systemProperties;
    this.env = env;
  }

  static AgentSettings ofProcess(Map<String, String> agentArgs) {
    return new AgentSettings(agentArgs, System.getProperties(), System.getenv());
  }

  /** Whether the instrumentation of this name is on; all are on unless switched off. */
  boolean isEnabled(String instrumentation) {
    String value = get(PREFIX + "instrumentation." + instrumentation + ".enabled");
    return value == null || !value.trim().equalsIgnoreCase("false");
  }

  /**
   * Whether a source names somewhere to send without the SDK's options being read: a DSN, {@code
   * outbox-only} or {@code spotlight} among the agent arguments, the {@code sentry.} system
   * properties or the {@code SENTRY_} environment, or {@link #ENVELOPE_DIR}. Only a guess, cheap
   * enough for {@code premain}: the start reads the options and stands down if they say otherwise.
   * Without such a name ({@code sentry.properties} alone, say), the options are read before {@code
   * main}.
   */
  boolean namesSomewhereToSend() {
    if (envelopeDir() != null) {
      return true;
    }
    for (String key : new String[] {"dsn", "outbox-only", "spotlight"}) {
      String value = agentArgs.get(key);
      if (value == null) {
        value = systemProperties.getProperty("sentry." + key);
      }
      if (value == null) {
        value = env.get(envName(key));
      }
      if (value != null && !value.trim().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the SDK and instrumentations start beside the application ({@link #START}). */
  boolean startsInBackground() {
    String value = get(START);
    return value == null || !value.trim().equalsIgnoreCase("sync");
  }

  @Nullable String envelopeDir() {
    String value = get(ENVELOPE_DIR);
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  /** The value of an {@code agent.} key, or null. */
  @Nullable String get(String key) {
    String value = agentArgs.get(key);
    if (value == null) {
      value = systemProperties.getProperty("sentry." + key);
    }
    if (value == null) {
      value = env.get(envName(key));
    }
    return value;
  }

  /** The value of an {@code agent.} key, or null: {@link #get}. */
  @Override
  public @Nullable String apply(String key) {
    return get(key);
  }

  /** Where {@link #get} found the key, for {@code doctor}. */
  String originOf(String key) {
    if (agentArgs.containsKey(key)) {
      return "agent argument " + key;
    }
    if (systemProperties.getProperty("sentry." + key) != null) {
      return "system property sentry." + key;
    }
    return env.containsKey(envName(key)) ? "environment variable " + envName(key) : "default";
  }

  static String envName(String key) {
    return "SENTRY_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  @Override
  public String toString() {
    return "AgentSettings{args=" + agentArgs.keySet() + '}';
  }
}

package io.sentryj.internal.config;

import io.sentryj.SentryOptions;
import io.sentryj.internal.diag.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Completes the options given in code with those set outside the application. Each key takes its
 * value from the first of these that sets it:
 *
 * <ol>
 *   <li>code ({@link SentryOptions.Builder});
 *   <li>system properties {@code sentry.<key>}, such as {@code -Dsentry.sample-rate=0.5} or {@code
 *       -Dsentry.tags.team=payments};
 *   <li>environment variables {@code SENTRY_<KEY>}: the key upper-cased with {@code -} and {@code
 *       .} turned into {@code _} ({@code SENTRY_SAMPLE_RATE}, {@code SENTRY_PROXY_HOST}). A tag is
 *       {@code SENTRY_TAGS_<NAME>}, its name lower-cased ({@code SENTRY_TAGS_TEAM} sets tag {@code
 *       team}), so tag names with upper case, {@code -} or {@code .} can't come from the
 *       environment;
 *   <li>one {@code sentry.properties} file (UTF-8, keys without a prefix): the path in system
 *       property {@code sentry.properties.file} or else environment variable {@code
 *       SENTRY_PROPERTIES_FILE}; without either, {@code sentry.properties} at the root of the class
 *       path (the thread's context class loader, then the SDK's), else in the working directory.
 * </ol>
 *
 * <p>A whole list ({@code in-app-includes}) comes from one source; tags are separate keys, so tags
 * from several sources add up. A named properties file that cannot be read is a warning, not an
 * error, and no other file is read in its place. Values that do not parse are errors naming their
 * origin, which {@link SentryOptions#originOf(String)} tells for every key.
 */
public final class OptionsLoader {
  /** The system property naming the properties file. */
  static final String FILE_PROPERTY = "sentry.properties.file";

  /** The environment variable naming the properties file. */
  static final String FILE_ENV = "SENTRY_PROPERTIES_FILE";

  static final String FILE_NAME = "sentry.properties";
  private static final String PROPERTY_PREFIX = "sentry.";
  private static final String ENV_PREFIX = "SENTRY_";
  private static final String TAGS_PREFIX = "tags.";
  private static final String ENV_TAGS_PREFIX = "SENTRY_TAGS_";

  private final Map<String, String> env;
  private final Properties systemProperties;
  private final Path workingDir;
  private final List<ClassLoader> classLoaders;

  /** Reads the given sources instead of the process's, so tests need not change the real ones. */
  OptionsLoader(
      Map<String, String> env,
      Properties systemProperties,
      Path workingDir,
      List<ClassLoader> classLoaders) {
    this.env = env;
    this.systemProperties = systemProperties;
    this.workingDir = workingDir;
    this.classLoaders = classLoaders;
  }

  /**
   * Builds the options: those in code completed, when {@code fromCode.externalConfiguration()}, by
   * system properties, environment and {@code sentry.properties}. Adds to {@code fromCode}.
   *
   * @throws IllegalArgumentException naming the key, value and origin of a bad option
   */
  public static SentryOptions load(SentryOptions.Builder fromCode) {
    return ofProcess().merge(fromCode).build();
  }

  static OptionsLoader ofProcess() {
    List<ClassLoader> loaders = new ArrayList<>(2);
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      loaders.add(context);
    }
    ClassLoader own = OptionsLoader.class.getClassLoader();
    if (own != null && own != context) {
      loaders.add(own);
    }
    return new OptionsLoader(
        System.getenv(), System.getProperties(), Paths.get("").toAbsolutePath(), loaders);
  }

  /** Adds the external options to the builder, each where no higher source set its key. */
  SentryOptions.Builder merge(SentryOptions.Builder builder) {
    if (!builder.externalConfiguration()) {
      return builder;
    }
    apply(builder, fromSystemProperties());
    apply(builder, fromEnvironment());
    apply(builder, fromPropertiesFile());
    return builder;
  }

  private static void apply(SentryOptions.Builder builder, List<OptionText> texts) {
    for (OptionText text : texts) {
      if (builder.originOf(text.key()) == null) {
        builder.option(text.key(), text.string(), text.origin());
      }
    }
  }

  List<OptionText> fromSystemProperties() {
    List<OptionText> texts = new ArrayList<>();
    for (String key : OptionCatalog.textKeys()) {
      addIfSet(texts, key, systemProperties.getProperty(PROPERTY_PREFIX + key), "system property ");
    }
    // tag names are not known in advance: find them among all properties
    for (String name : new TreeSet<>(systemProperties.stringPropertyNames())) {
      if (name.startsWith(PROPERTY_PREFIX + TAGS_PREFIX)) {
        String key = name.substring(PROPERTY_PREFIX.length());
        addIfSet(texts, key, systemProperties.getProperty(name), "system property ");
      }
    }
    return texts;
  }

  private static void addIfSet(
      List<OptionText> texts, String key, @Nullable String value, String originPrefix) {
    if (value != null) {
      texts.add(new OptionText(key, value, originPrefix + PROPERTY_PREFIX + key));
    }
  }

  List<OptionText> fromEnvironment() {
    List<OptionText> texts = new ArrayList<>();
    for (String key : OptionCatalog.textKeys()) {
      String name = envName(key);
      String value = env.get(name);
      if (value != null) {
        texts.add(new OptionText(key, value, "environment variable " + name));
      }
    }
    for (String name : new TreeSet<>(env.keySet())) {
      if (name.startsWith(ENV_TAGS_PREFIX) && name.length() > ENV_TAGS_PREFIX.length()) {
        String tag = name.substring(ENV_TAGS_PREFIX.length()).toLowerCase(Locale.ROOT);
        String value = env.get(name);
        if (value != null) {
          texts.add(new OptionText(TAGS_PREFIX + tag, value, "environment variable " + name));
        }
      }
    }
    return texts;
  }

  /**
   * {@code sample-rate} -> {@code SENTRY_SAMPLE_RATE}, {@code proxy.host} -> {@code
   * SENTRY_PROXY_HOST}.
   */
  static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  List<OptionText> fromPropertiesFile() {
    String named = named(systemProperties.getProperty(FILE_PROPERTY), env.get(FILE_ENV));
    if (named != null) {
      return fromNamedFile(named);
    }
    for (ClassLoader loader : classLoaders) {
      URL url = loader.getResource(FILE_NAME);
      if (url != null) {
        return read(url, "classpath " + FILE_NAME);
      }
    }
    Path local = workingDir.resolve(FILE_NAME);
    return Files.isRegularFile(local) ? read(local) : Collections.<OptionText>emptyList();
  }

  private static @Nullable String named(@Nullable String property, @Nullable String envValue) {
    if (property != null && !property.trim().isEmpty()) {
      return property.trim();
    }
    return envValue != null && !envValue.trim().isEmpty() ? envValue.trim() : null;
  }

  private List<OptionText> fromNamedFile(String name) {
    Path path;
    try {
      path = workingDir.resolve(name);
    } catch (InvalidPathException e) {
      Diagnostics.warn("Ignoring properties file %s: %s", name, Diagnostics.describe(e));
      return Collections.emptyList();
    }
    return read(path);
  }

  private static List<OptionText> read(Path path) {
    String origin = "file " + path;
    try (InputStream in = Files.newInputStream(path)) {
      return texts(in, origin);
    } catch (IOException | RuntimeException e) {
      Diagnostics.warn("Ignoring properties %s: %s", origin, Diagnostics.describe(e));
      return Collections.emptyList();
    }
  }

  private static List<OptionText> read(URL url, String origin) {
    try (InputStream in = url.openStream()) {
      return texts(in, origin);
    } catch (IOException | RuntimeException e) {
      Diagnostics.warn("Ignoring %s (%s): %s", origin, url, Diagnostics.describe(e));
      return Collections.emptyList();
    }
  }

  private static List<OptionText> texts(InputStream in, String origin) throws IOException {
    Properties properties = new Properties();
    // UTF-8 rather than Properties' ISO-8859-1, so that a tag or release may hold any character
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    List<OptionText> texts = new ArrayList<>();
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      texts.add(new OptionText(key, properties.getProperty(key, ""), origin));
    }
    Diagnostics.debug("Read %d options from %s", texts.size(), origin);
    return texts;
  }

  @Override
  public String toString() {
    return "OptionsLoader{workingDir=" + workingDir + ", classLoaders=" + classLoaders + '}';
  }
}

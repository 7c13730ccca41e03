package io.sentryj.internal.event;

import io.sentryj.SentryOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a stack frame's class belongs to the application ({@code in_app}, protocol
 * section 3), which Sentry uses to group issues and to fold library frames away.
 *
 * <p>Rules, all by plain {@link String#startsWith} on the fully qualified class name (so {@code
 * com.acme} also matches {@code com.acmecorp}, as in the official SDK; write {@code com.acme.} to
 * avoid that):
 *
 * <ol>
 *   <li>The <b>longest</b> matching prefix decides, among the configured includes, the configured
 *       excludes and the {@link #DEFAULT_EXCLUDES default excludes}; on a tie the include wins. So
 *       an include beats any exclude that is not more specific than itself ({@code
 *       org.springframework.samples.} is in-app despite the default {@code org.springframework.}),
 *       and a more specific exclude carves a package out of an include ({@code com.acme.} included,
 *       {@code com.acme.generated.} excluded).
 *   <li>A class that no prefix matches is in-app when no includes are configured (the application
 *       is everything that is not a known library, which gives Sentry application frames to group
 *       on without configuration) and not in-app when includes are configured (the user listed the
 *       application's packages).
 * </ol>
 *
 * <p>The answer is never "unknown": leaving {@code in_app} unset would make Sentry treat the frame
 * as library code, and an event without any in-app frame groups on every frame, so an upgraded
 * library would split issues.
 *
 * <p>Results are cached per class name in a bounded map; thread-safe.
 */
public final class InAppMatcher {
  /**
   * Packages of the JDK, the SDK and common libraries and frameworks that are never application
   * code unless an include says so.
   */
  public static final List<String> DEFAULT_EXCLUDES =
      Collections.unmodifiableList(
          Arrays.asList(
              "java.",
              "javax.",
              "jakarta.",
              "jdk.",
              "sun.",
              "com.sun.",
              "com.oracle.",
              "org.graalvm.",
              "kotlin.",
              "kotlinx.",
              "scala.",
              "groovy.",
              "org.codehaus.groovy.",
              "org.springframework.",
              "org.apache.",
              "org.eclipse.jetty.",
              "org.glassfish.",
              "org.jboss.",
              "io.undertow.",
              "io.netty.",
              "io.grpc.",
              "io.vertx.",
              "io.quarkus.",
              "io.micronaut.",
              "io.reactivex.",
              "reactor.",
              "akka.",
              "org.hibernate.",
              "com.zaxxer.",
              "org.jooq.",
              "org.mybatis.",
              "org.postgresql.",
              "com.mysql.",
              "org.h2.",
              "ch.qos.logback.",
              "org.slf4j.",
              "okhttp3.",
              "okio.",
              "retrofit2.",
              "feign.",
              "com.google.",
              "com.fasterxml.",
              "net.bytebuddy.",
              "org.aspectj.",
              "org.aopalliance.",
              "javassist.",
              "io.micrometer.",
              "io.opentelemetry.",
              "io.sentry.",
              "io.sentryj.",
              "org.junit.",
              "junit.",
              "org.opentest4j.",
              "org.testng.",
              "org.mockito.",
              "org.assertj.",
              "org.gradle.",
              "worker.org.gradle."));

  /** Beyond this many distinct class names the cache starts over, bounding its memory. */
  static final int CACHE_LIMIT = 4096;

  private final String[] includes;
  private final String[] excludes;
  private final ConcurrentHashMap<String, Boolean> cache = new ConcurrentHashMap<>();

  /** A matcher for the given include and exclude prefixes, plus the default excludes. */
  public InAppMatcher(List<String> includes, List<String> excludes) {
    this.includes = nonEmpty(includes);
    List<String> all = new ArrayList<>(DEFAULT_EXCLUDES);
    all.addAll(excludes);
    this.excludes = nonEmpty(all);
  }

  /** A matcher for the options' {@code inAppIncludes} and {@code inAppExcludes}. */
  public static InAppMatcher of(SentryOptions options) {
    return new InAppMatcher(options.inAppIncludes(), options.inAppExcludes());
  }

  /** Whether the class of the given fully qualified name is application code. */
  public boolean isInApp(String className) {
    Boolean cached = cache.get(className);
    if (cached != null) {
      return cached;
    }
    boolean result = decide(className);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear(); // rare; cheaper than LRU bookkeeping on every frame
    }
    cache.put(className, result);
    return result;
  }

  /** The number of cached answers, for tests. */
  int cacheSize() {
    return cache.size();
  }

  private boolean decide(String className) {
    int include = longestMatch(includes, className);
    int exclude = longestMatch(excludes, className);
    if (include >= 0 && include >= exclude) {
      return true;
    }
    if (exclude >= 0) {
      return false;
    }
    return includes.length == 0;
  }

  private static int longestMatch(String[] prefixes, String className) {
    int longest = -1;
    for (String prefix : prefixes) {
      if (prefix.length() > longest && className.startsWith(prefix)) {
        longest = prefix.length();
      }
    }
    return longest;
  }

  private static String[] nonEmpty(List<String> prefixes) {
    List<String> kept = new ArrayList<>(prefixes.size());
    for (String prefix : prefixes) {
      String trimmed = prefix.trim();
      if (!trimmed.isEmpty()) {
        kept.add(trimmed);
      }
    }
    return kept.toArray(new String[0]);
  }

  @Override
  public String toString() {
    return "InAppMatcher{includes="
        + Arrays.toString(includes)
        + ", "
        + (excludes.length - DEFAULT_EXCLUDES.size())
        + " excludes + defaults}";
  }
}

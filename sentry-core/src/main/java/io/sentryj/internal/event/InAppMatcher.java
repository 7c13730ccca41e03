package io.sentryj.internal.event;

import io.sentryj.SentryOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a stack frame's class belongs to the application ({@code in_app}, protocol
 * section 3), which Sentry uses to group issues and to fold library frames away.
 *
 * <p>Rules, all by plain {@link String#startsWith} on the fully qualified class name (so {@code
 * com.acme} also matches {@code com.acmecorp}, as in the official SDK; write {@code com.acme.} to
 * avoid that):
 *
 * <ol>
 *   <li>The SDK's own frames ({@link #isSdkFrame}) are never in-app.
 *   <li>The <b>longest</b> matching prefix decides, among the configured includes, the configured
 *       excludes and the {@link #DEFAULT_EXCLUDES default excludes}; on a tie the include wins. So
 *       an include beats any exclude that is not more specific than itself ({@code
 *       org.springframework.samples.} is in-app despite the default {@code org.springframework.}),
 *       and a more specific exclude carves a package out of an include ({@code com.acme.} included,
 *       {@code com.acme.generated.} excluded).
 *   <li>Without configured includes, the {@link ApplicationPackage application's package} (its main
 *       class's) counts as an include that the default excludes cannot beat, while a configured
 *       exclude as long as it or longer still does. With includes configured, they alone say where
 *       the application is.
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
   * The SDK's package, {@code io.sentryj.}. Built at run time, as are the default excludes: the
   * agent's jar relocates the SDK and its libraries, and its relocation rewrites every string
   * constant that starts with a relocated package ({@code io.sentryj.}, {@code org.slf4j.}, {@code
   * okhttp3.}, {@code kotlin.} ...), which would turn the names compared here into the agent's
   * shaded names: the application's own {@code org.slf4j} frames would count as in-app.
   */
  public static final String SDK_PACKAGE = String.join(".", "io", "sentryj", "");

  /**
   * The default excludes, in one constant that starts with {@code java.}: the relocation only
   * rewrites a constant that starts with a relocated name, so no relocated name may come first.
   */
  private static final String DEFAULT_EXCLUDES_TEXT =
      "java. javax. jakarta. jdk. sun. com.sun. com.oracle. org.graalvm. "
          + "kotlin. kotlinx. scala. groovy. org.codehaus.groovy. "
          + "org.springframework. org.apache. org.eclipse.jetty. org.glassfish. org.jboss. "
          + "io.undertow. io.netty. io.grpc. io.vertx. io.quarkus. io.micronaut. io.reactivex. "
          + "reactor. akka. org.hibernate. com.zaxxer. org.jooq. org.mybatis. org.postgresql. "
          + "com.mysql. org.h2. ch.qos.logback. org.slf4j. okhttp3. okio. retrofit2. feign. "
          + "com.google. com.fasterxml. net.bytebuddy. org.aspectj. org.aopalliance. javassist. "
          + "io.micrometer. io.opentelemetry. io.sentry. io.sentryj. "
          + "io.dropwizard. com.codahale. net.sourceforge.argparse4j. io.smallrye. org.jdbi. "
          + "org.yaml. com.lmax. "
          + "org.junit. junit. org.opentest4j. org.testng. org.mockito. org.assertj. "
          + "org.gradle. worker.org.gradle.";

  /**
   * Packages of the JDK, the SDK and common libraries and frameworks that are never application
   * code unless an include says so.
   */
  public static final List<String> DEFAULT_EXCLUDES =
      Collections.unmodifiableList(Arrays.asList(DEFAULT_EXCLUDES_TEXT.split(" ")));

  /**
   * Packages under {@link #SDK_PACKAGE} whose classes run between the application's frames: the
   * agent's own (everything it bundles is relocated under {@code agent.shaded.}), the facade, the
   * scope carriers and the servlet integration's filters. What the agent bundles besides the SDK
   * (OkHttp, Kotlin, Gson, ByteBuddy) is under {@code agent.shaded.} too.
   */
  private static final String[] SDK_FRAME_PACKAGES = {
    "agent.shaded.",
    "agent.instrumentation.",
    "agent.bootstrap.",
    "internal.scope.",
    "servlet.javax.",
    "servlet.jakarta.",
    "servlet.internal."
  };

  /** Beyond this many distinct class names the cache starts over, bounding its memory. */
  static final int CACHE_LIMIT = 4096;

  private final String[] includes;
  private final String[] excludes;
  private final String[] userExcludes;
  private final @Nullable String application;
  private final ConcurrentHashMap<String, Boolean> cache = new ConcurrentHashMap<>();

  /** A matcher for the given include and exclude prefixes, plus the default excludes. */
  public InAppMatcher(List<String> includes, List<String> excludes) {
    this(includes, excludes, null);
  }

  /**
   * A matcher for the given include and exclude prefixes, plus the default excludes, with the
   * application's package (ignored when includes are given), or null for none.
   */
  public InAppMatcher(
      List<String> includes, List<String> excludes, @Nullable String applicationPackage) {
    this.includes = nonEmpty(includes);
    this.userExcludes = nonEmpty(excludes);
    List<String> all = new ArrayList<>(DEFAULT_EXCLUDES);
    all.addAll(Arrays.asList(userExcludes));
    this.excludes = all.toArray(new String[0]);
    this.application = this.includes.length == 0 ? applicationPackage : null;
  }

  /**
   * A matcher for the options' {@code inAppIncludes} and {@code inAppExcludes}, and, without
   * includes, the {@link ApplicationPackage#detected() application's package}.
   */
  public static InAppMatcher of(SentryOptions options) {
    ApplicationPackage detected =
        options.inAppIncludes().isEmpty() ? ApplicationPackage.detected() : null;
    return new InAppMatcher(
        options.inAppIncludes(),
        options.inAppExcludes(),
        detected != null ? detected.prefix() : null);
  }

  /**
   * Whether frames of this class are the SDK's own code running between the application's frames:
   * the agent and what it bundles, the facade {@code io.sentryj.Sentry}, the scope carriers and the
   * servlet filters. Such frames are left out of events and are never in-app.
   */
  public static boolean isSdkFrame(String className) {
    if (!className.startsWith(SDK_PACKAGE)) {
      return false;
    }
    String rest = className.substring(SDK_PACKAGE.length());
    if (rest.equals("Sentry") || rest.startsWith("Sentry$")) {
      return true;
    }
    for (String sdk : SDK_FRAME_PACKAGES) {
      if (rest.startsWith(sdk)) {
        return true;
      }
    }
    // the agent's entry classes, io.sentryj.agent.SentryAgent and its like, but not subpackages
    return rest.startsWith("agent.") && rest.indexOf('.', "agent.".length()) < 0;
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
    if (isSdkFrame(className)) {
      return false;
    }
    int include = longestMatch(includes, className);
    int exclude = longestMatch(excludes, className);
    if (include >= 0 && include >= exclude) {
      return true;
    }
    String app = application;
    if (app != null && className.startsWith(app)) {
      return app.length() > longestMatch(userExcludes, className);
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
        + ", application="
        + application
        + ", "
        + userExcludes.length
        + " excludes + defaults}";
  }
}

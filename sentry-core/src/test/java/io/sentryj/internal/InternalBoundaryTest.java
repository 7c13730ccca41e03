package io.sentryj.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing outside sentry-core uses {@code io.sentryj.internal}: every other module, sample and
 * benchmark of the repository, main and test code, goes through the integration API ({@code
 * io.sentryj.integration}) and the public types. Read from the sources of every module directory,
 * so that a new module is checked without being named here; comments and string literals do not
 * count, code does (imports, static and wildcard imports, fully qualified names).
 */
class InternalBoundaryTest {
  private static final Pattern INTERNAL =
      Pattern.compile("\\bio\\s*\\.\\s*sentryj\\s*\\.\\s*internal\\b");

  /**
   * Module directories not checked yet. sentry-agent is the one known exception: it goes once the
   * agent is migrated to the integration API.
   */
  private static final Set<String> NOT_YET_MIGRATED = new HashSet<>(Arrays.asList("sentry-agent"));

  @Test
  void noOtherModuleSampleOrBenchmarkUsesTheCoresInternalPackages() throws IOException {
    Path root = repositoryRoot();
    List<String> uses = new ArrayList<>();
    List<Path> sources = sourcesOutsideTheCore(root);
    for (Path file : sources) {
      uses.addAll(internalUses(root.relativize(file).toString(), read(file)));
    }

    assertThat(sources).as("the sources of the other modules").hasSizeGreaterThan(50);
    assertThat(uses).as("uses of io.sentryj.internal outside sentry-core").isEmpty();
  }

  @Test
  void importsAndQualifiedNamesCountButCommentsAndStringsDoNot() {
    String source =
        "package x;\n"
            + "import io.sentryj.internal.diag.Diagnostics;\n"
            + "import static io.sentryj.internal.pipeline.SentryClient.isCapturing;\n"
            + "import io.sentryj . internal.scope.*;\n"
            + "// io.sentryj.internal.Foo in a comment\n"
            + "/* io.sentryj.internal.Bar\n in a block */\n"
            + "class X { String s = \"io.sentryj.internal.\"; char c = '\"';\n"
            + "  Object o = io.sentryj.internal.SentryRuntime.current(); }\n";

    assertThat(internalUses("X.java", source))
        .containsExactly("X.java:2", "X.java:3", "X.java:4", "X.java:9");
  }

  private static Path repositoryRoot() throws IOException {
    Path root = Paths.get("").toAbsolutePath().getParent();
    Path pom = root.resolve("pom.xml");
    assertThat(pom).as("the repository's root pom").exists();
    assertThat(read(pom)).contains("<module>sentry-core</module>");
    return root;
  }

  private static List<Path> sourcesOutsideTheCore(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> checked(root.relativize(p)))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static boolean checked(Path relative) {
    String top = relative.getName(0).toString();
    if (top.equals("sentry-core") || top.startsWith(".") || NOT_YET_MIGRATED.contains(top)) {
      return false;
    }
    for (Path part : relative) {
      if (part.toString().equals("target")) {
        return false; // generated sources (the jakarta copies) are checked as their originals
      }
    }
    return true;
  }

  /** {@code file:line} of each use of the internal packages in code. */
  static List<String> internalUses(String file, String source) {
    String code = codeOnly(source);
    List<String> uses = new ArrayList<>();
    Matcher m = INTERNAL.matcher(code);
    while (m.find()) {
      uses.add(file + ":" + lineOf(code, m.start()));
    }
    return uses;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * The source with comments and string, character and text-block literals blanked out, line breaks
   * kept, so that only code is matched and line numbers stay right.
   */
  static String codeOnly(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int end = literalOrCommentEnd(s, i);
      if (end == i) {
        out.append(s.charAt(i++));
        continue;
      }
      for (; i < end; i++) {
        out.append(s.charAt(i) == '\n' ? '\n' : ' ');
      }
    }
    return out.toString();
  }

  /** Where the comment or literal starting at {@code i} ends, or {@code i} if none starts there. */
  private static int literalOrCommentEnd(String s, int i) {
    if (s.startsWith("//", i)) {
      int nl = s.indexOf('\n', i);
      return nl < 0 ? s.length() : nl;
    }
    if (s.startsWith("/*", i)) {
      int close = s.indexOf("*/", i + 2);
      return close < 0 ? s.length() : close + 2;
    }
    if (s.startsWith("\"\"\"", i)) {
      int close = s.indexOf("\"\"\"", i + 3);
      return close < 0 ? s.length() : close + 3;
    }
    char c = s.charAt(i);
    if (c == '"' || c == '\'') {
      int j = i + 1;
      while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
        j += s.charAt(j) == '\\' ? 2 : 1;
      }
      return Math.min(j + 1, s.length());
    }
    return i;
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.sentryj.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.integration.TextOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's option table current: one row per key the SDK reads, each naming its system
 * property and environment variable, and no row for a key that does not exist.
 */
class ReadmeOptionsTest {
  private static final String START = "<!-- options:start -->";
  private static final String END = "<!-- options:end -->";
  private static final String TAGS = "tags.<name>";

  /** Each row's cells, by the key in its first cell. */
  private static final Map<String, List<String>> rows = new LinkedHashMap<>();

  @BeforeAll
  static void readTheTable() throws IOException {
    String readme =
        new String(
            Files.readAllBytes(Paths.get(System.getProperty("sentryj.readme"))),
            StandardCharsets.UTF_8);
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    assertThat(start).as("README.md marks its option table with " + START).isNotNegative();
    assertThat(end).as("and ends it with " + END).isGreaterThan(start);
    for (String line : readme.substring(start + START.length(), end).split("\n", -1)) {
      if (line.startsWith("| `")) {
        List<String> cells =
            List.of(line.substring(1, line.length() - 1).split("\\|", -1)).stream()
                .map(String::trim)
                .toList();
        String key = unquote(cells.get(0));
        assertThat(rows.put(key, cells)).as("a second row for " + key).isNull();
      }
    }
  }

  @Test
  void everyOptionHasARowWithItsSystemPropertyAndEnvironmentVariable() {
    Set<String> keys = TextOptions.keys();
    assertThat(rows.keySet()).as("the README's option table").containsAll(keys).contains(TAGS);
    for (String key : keys) {
      List<String> cells = rows.get(key);
      assertThat(cells).as(key).hasSize(5);
      assertThat(cells.get(2)).as(key + "'s system property").isEqualTo("`sentry." + key + "`");
      assertThat(cells.get(3))
          .as(key + "'s environment variable")
          .isEqualTo("`" + envName(key) + "`");
    }
  }

  @Test
  void everyRowIsAnOptionTheSdkReads() {
    Set<String> keys = TextOptions.keys();
    for (String key : rows.keySet()) {
      assertThat(keys.contains(key) || key.equals(TAGS)).as(key + " is an option").isTrue();
    }
  }

  @Test
  void tagsRowNamesItsFamilies() {
    List<String> cells = rows.get(TAGS);
    assertThat(cells.get(2)).isEqualTo("`sentry.tags.<name>`");
    assertThat(cells.get(3)).isEqualTo("`SENTRY_TAGS_<NAME>`");
  }

  /** As the SDK names them: upper case, {@code -} and {@code .} as {@code _}. */
  private static String envName(String key) {
    return "SENTRY_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  private static String unquote(String cell) {
    return cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
  }
}

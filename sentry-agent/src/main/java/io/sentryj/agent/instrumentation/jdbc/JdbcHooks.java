package io.sentryj.agent.instrumentation.jdbc;

import io.sentryj.Breadcrumb;
import io.sentryj.SentryLevel;
import io.sentryj.agent.bootstrap.JdbcBridge;
import io.sentryj.agent.instrumentation.WeakIdentityMap;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.pipeline.SentryClient;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The agent's side of the {@link JdbcBridge}: remembers the SQL each statement was prepared with
 * (never the values later bound to it) and records each execution as a breadcrumb: type and
 * category {@code query}, the SQL as message with literals replaced ({@link SqlText}), data {@code
 * duration} in milliseconds and {@code db.system} from the connection's URL; level {@code error}
 * and the exception's class (not its message, which may quote values) when it throws.
 */
public final class JdbcHooks implements JdbcBridge.Hooks {
  private static final int MAX_ENTRIES = 50_000;

  private final WeakIdentityMap<Object, String> preparedSql = new WeakIdentityMap<>(MAX_ENTRIES);
  private final WeakIdentityMap<Object, String> systems = new WeakIdentityMap<>(1_000);

  /** Connects the bridge to these hooks. */
  public static void install() {
    JdbcBridge.install(new JdbcHooks());
  }

  @Override
  public void prepared(Object statement, String sql) {
    preparedSql.put(statement, sql);
  }

  @Override
  public @Nullable Object before(Object statement, @Nullable String sql) {
    SentryClient client = SentryRuntime.currentClient();
    if (client == null) {
      return null;
    }
    String text = sql != null ? sql : preparedSql.get(statement);
    return new Execution(statement, text, client);
  }

  @Override
  public void after(Object state, @Nullable Throwable thrown) {
    Execution e = (Execution) state;
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - e.startNanos);
    Breadcrumb.Builder b =
        Breadcrumb.builder()
            .type("query")
            .category("query")
            .message(e.sql != null ? SqlText.sanitize(e.sql) : "(batch)")
            .data("duration", millis);
    String system = system(e.statement);
    if (system != null) {
      b.data("db.system", system);
    }
    if (thrown != null) {
      b.level(SentryLevel.ERROR).data("error", thrown.getClass().getName());
    }
    e.client.addBreadcrumb(b.build(), null);
  }

  /** The database's kind from the connection's JDBC URL ({@code jdbc:h2:mem:} gives h2). */
  private @Nullable String system(Object statement) {
    if (!(statement instanceof Statement)) {
      return null;
    }
    try {
      Connection connection = ((Statement) statement).getConnection();
      if (connection == null) {
        return null;
      }
      String known = systems.get(connection);
      if (known == null) {
        known = systemOf(connection.getMetaData().getURL());
        systems.put(connection, known);
      }
      return known.isEmpty() ? null : known;
    } catch (Exception | LinkageError e) {
      return null;
    }
  }

  static String systemOf(@Nullable String url) {
    if (url == null || !url.startsWith("jdbc:")) {
      return "";
    }
    String rest = url.substring(5);
    int colon = rest.indexOf(':');
    String system = (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
    return system.matches("[a-z0-9_.-]{1,32}") ? system : "";
  }

  @Override
  public String toString() {
    return "JdbcHooks";
  }

  /** One execution in progress. */
  private static final class Execution {
    final Object statement;
    final @Nullable String sql;
    final SentryClient client;
    final long startNanos = System.nanoTime();

    Execution(Object statement, @Nullable String sql, SentryClient client) {
      this.statement = statement;
      this.sql = sql;
      this.client = client;
    }
  }
}

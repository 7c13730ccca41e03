package io.sentryj.agent.instrumentation.jdbc;

import io.sentryj.agent.bootstrap.JdbcBridge;
import net.bytebuddy.asm.Advice;
import org.jspecify.annotations.Nullable;

/** Inlined into {@code Statement.execute*(String sql, ...)}. */
final class ExecuteSqlAdvice {
  private ExecuteSqlAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static @Nullable Object enter(@Advice.This Object statement, @Advice.Argument(0) Object sql) {
    return JdbcBridge.before(statement, sql);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter @Nullable Object state, @Advice.Thrown @Nullable Throwable thrown) {
    JdbcBridge.after(state, thrown);
  }
}

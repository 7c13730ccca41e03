package io.sentryj.agent.instrumentation.jdbc;

import io.sentryj.agent.bootstrap.JdbcBridge;
import net.bytebuddy.asm.Advice;
import org.jspecify.annotations.Nullable;

/**
 * Inlined into the {@code execute*()} methods without SQL (of a prepared statement, or a batch):
 * the SQL is the one the statement was prepared with.
 */
final class ExecutePreparedAdvice {
  private ExecutePreparedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static @Nullable Object enter(@Advice.This Object statement) {
    return JdbcBridge.before(statement, null);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter @Nullable Object state, @Advice.Thrown @Nullable Throwable thrown) {
    JdbcBridge.after(state, thrown);
  }
}

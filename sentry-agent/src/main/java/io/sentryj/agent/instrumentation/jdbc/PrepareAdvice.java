package io.sentryj.agent.instrumentation.jdbc;

import io.sentryj.agent.bootstrap.JdbcBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.jspecify.annotations.Nullable;

/** Inlined into {@code Connection.prepareStatement(String, ...)} and {@code prepareCall}. */
final class PrepareAdvice {
  private PrepareAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.Argument(0) Object sql,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) @Nullable Object statement) {
    JdbcBridge.prepared(statement, sql);
  }
}

package io.sentryj;

/**
 * An isolation scope made current by {@link Sentry#pushIsolationScope()}; closing the token puts
 * back the thread's previous scopes. Close it on the thread that made it.
 *
 * <pre>{@code
 * try (ScopeToken token = Sentry.pushIsolationScope()) {
 *   token.scope().setTag("job", jobId);
 *   runJob();
 * }
 * }</pre>
 */
public final class ScopeToken implements AutoCloseable {
  static final ScopeToken NOOP = new ScopeToken(NoopScope.INSTANCE, () -> {});

  private final Scope scope;
  private final AutoCloseable restore;

  ScopeToken(Scope scope, AutoCloseable restore) {
    this.scope = scope;
    this.restore = restore;
  }

  /** The isolation scope this token made current. */
  public Scope scope() {
    return scope;
  }

  /** Restores the previous scopes. Never throws. */
  @Override
  public void close() {
    try {
      restore.close();
    } catch (Exception ignored) {
      // restoring a thread-local cannot fail
    }
  }

  @Override
  public String toString() {
    return "ScopeToken{" + scope + '}';
  }
}

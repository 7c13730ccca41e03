package io.sentryj.internal.scope;

import org.jspecify.annotations.Nullable;

/**
 * Which scopes are in effect on each thread. A thread that never set its own uses the root scopes,
 * so what an application sets at start-up applies everywhere. Works the same on virtual threads.
 */
public final class ScopeStorage {
  private final Scopes root;
  private final ThreadLocal<@Nullable Scopes> local = new ThreadLocal<>();

  /** Storage whose threads start with {@code root}. */
  public ScopeStorage(Scopes root) {
    this.root = root;
  }

  /** The root scopes. */
  public Scopes root() {
    return root;
  }

  /** The scopes in effect on this thread. */
  public Scopes current() {
    Scopes scopes = local.get();
    return scopes != null ? scopes : root;
  }

  /**
   * Makes {@code scopes} the thread's scopes until the returned token is closed, which restores the
   * previous ones (and leaves no thread-local value behind when there were none).
   */
  public Token set(Scopes scopes) {
    Scopes previous = local.get();
    local.set(scopes);
    return new Token(this, previous);
  }

  void restore(@Nullable Scopes previous) {
    if (previous == null) {
      local.remove();
    } else {
      local.set(previous);
    }
  }

  @Override
  public String toString() {
    return "ScopeStorage{root=" + root + '}';
  }

  /** Restores the thread's previous scopes when closed. Close it on the thread that set it. */
  public static final class Token implements AutoCloseable {
    private final ScopeStorage storage;
    private final @Nullable Scopes previous;
    private boolean closed;

    Token(ScopeStorage storage, @Nullable Scopes previous) {
      this.storage = storage;
      this.previous = previous;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        storage.restore(previous);
      }
    }
  }
}

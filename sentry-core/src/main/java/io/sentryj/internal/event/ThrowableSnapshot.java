package io.sentryj.internal.event;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What an event carries of a throwable and everything hanging off it, read once on the capturing
 * thread by {@link ExceptionFactory#snapshot}: for each throwable of the tree (its causes and
 * suppressed exceptions, at most {@link ExceptionFactory#MAX_EXCEPTIONS}) its class, its message
 * ({@code getMessage()} called once) and its stack trace elements, and where it hangs. The frames
 * are made from it later, on the SDK's thread, and no code of the application runs there: what the
 * application does to its throwables after capture changes nothing.
 *
 * <p>Indexed by exception id (protocol rule 1): 0 is the captured throwable. Immutable; the arrays
 * are never handed out. The throwables of the cause chain are kept for deduplication by identity;
 * they are the captured throwable's own causes, which the event's {@code throwable} keeps alive
 * anyway.
 */
public final class ThrowableSnapshot {
  /** Messages are cut to this many characters, as Sentry keeps no more of an exception value. */
  public static final int MAX_MESSAGE_CHARS = 8192;

  private static final int OBJECT_BYTES = 16;
  private static final int REFERENCE_BYTES = 8;
  // a StackTraceElement: header, six references, line number and format; its names are shared
  private static final int FRAME_BYTES = 56;

  private final Class<?>[] types;
  private final @Nullable String[] messages;
  private final StackTraceElement[] @Nullable [] stacks;
  private final int[] parents;
  private final @Nullable String[] sources;
  private final Throwable[] causeChain;
  private final long heldChars;

  ThrowableSnapshot(
      Class<?>[] types,
      @Nullable String[] messages,
      StackTraceElement[] @Nullable [] stacks,
      int[] parents,
      @Nullable String[] sources,
      Throwable[] causeChain,
      long heldChars) {
    this.types = types;
    this.messages = messages;
    this.stacks = stacks;
    this.parents = parents;
    this.sources = sources;
    this.causeChain = causeChain;
    this.heldChars = heldChars;
  }

  /** How many exceptions the snapshot holds, at least 1. */
  public int size() {
    return types.length;
  }

  /** The class of exception {@code id}. */
  public Class<?> type(int id) {
    return types[id];
  }

  /** The message of exception {@code id} as read at capture, or null. */
  public @Nullable String message(int id) {
    return messages[id];
  }

  /** The id of the exception that {@code id} is the cause or a suppressed exception of, or -1. */
  public int parent(int id) {
    return parents[id];
  }

  /**
   * Where exception {@code id} sits in its parent: {@code cause}, {@code suppressed[i]}, or null.
   */
  public @Nullable String source(int id) {
    return sources[id];
  }

  StackTraceElement @Nullable [] stack(int id) {
    return stacks[id];
  }

  /**
   * The captured throwable and its causes, outermost first: the identities deduplication compares.
   * Read on the capturing thread only.
   */
  public List<Throwable> causeChain() {
    return Collections.unmodifiableList(Arrays.asList(causeChain));
  }

  /**
   * This snapshot with every message passed through {@code rewrite}; the same instance when no
   * message changes.
   */
  public ThrowableSnapshot withMessages(UnaryOperator<String> rewrite) {
    String[] rewritten = null;
    for (int i = 0; i < messages.length; i++) {
      String m = messages[i];
      String r = m == null ? null : rewrite.apply(m);
      if (r != null && !r.equals(m)) {
        if (rewritten == null) {
          rewritten = Arrays.copyOf(messages, messages.length);
        }
        rewritten[i] = r;
      }
    }
    return rewritten == null
        ? this
        : new ThrowableSnapshot(types, rewritten, stacks, parents, sources, causeChain, heldChars);
  }

  /**
   * About how many bytes of memory the snapshot keeps alive: its arrays, messages and stack trace
   * elements (the names in them are the JVM's shared strings), and the messages of the throwables
   * themselves at their full length as read at capture, since the event keeps the captured
   * throwable (for hints and deduplication) until it is sent. Computed, not measured.
   */
  public long approximateBytes() {
    long bytes = OBJECT_BYTES + 6L * (OBJECT_BYTES + (long) types.length * REFERENCE_BYTES);
    bytes += 2 * heldChars;
    for (int i = 0; i < types.length; i++) {
      String m = messages[i];
      if (m != null) {
        bytes += OBJECT_BYTES + 24 + 2L * m.length();
      }
      StackTraceElement[] stack = stacks[i];
      if (stack != null) {
        bytes += OBJECT_BYTES + (long) stack.length * (REFERENCE_BYTES + FRAME_BYTES);
      }
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "ThrowableSnapshot{" + types[0].getName() + ", " + types.length + " exceptions}";
  }
}

package io.sentryj.internal.event;

import io.sentryj.protocol.Mechanism;
import io.sentryj.protocol.SentryException;
import io.sentryj.protocol.SentryStackTrace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds an event's exception list from a throwable: its cause chain and its suppressed exceptions
 * (protocol section 3 and rule 1), in two steps. {@link #snapshot} runs on the capturing thread and
 * reads the throwables once (the only step that calls the application's {@code getMessage()},
 * {@code getCause()}, {@code getSuppressed()} and {@code getStackTrace()}); {@link
 * #exceptions(ThrowableSnapshot, String, boolean, long)} runs later, on the SDK's thread, and makes
 * the protocol objects and frames from that snapshot alone.
 *
 * <p>The list is in protocol order: the thrown exception is the <b>last</b> element, with {@code
 * exception_id} 0, and the innermost cause of its {@link Throwable#getCause() cause} chain is the
 * <b>first</b>. Ids count up from the end of the list. Example, for {@code new
 * RuntimeException("wrapper", new IllegalStateException("root cause"))}:
 *
 * <pre>
 * [0] IllegalStateException  mechanism {type: "chained", exception_id: 1, parent_id: 0, source: "cause"}
 * [1] RuntimeException       mechanism {type: mechanismType, handled, exception_id: 0}
 * </pre>
 *
 * <p>Every element has a mechanism (Sentry reads ids only from there): the thrown one the given
 * type and {@code handled}; the others type {@code chained}, as the official SDK sends, with {@code
 * parent_id} and {@code source}, the property of the parent they came from: {@code cause} or {@code
 * suppressed[i]} (the index into {@link Throwable#getSuppressed()}). They carry no {@code handled},
 * so that they do not change whether the event counts as handled.
 *
 * <p>Order when there are suppressed exceptions: after the thrown exception (id 0) come, by id, the
 * suppressed subtrees (each depth first, cause before suppressed), and last the thrown exception's
 * cause chain, so that the root cause stays the first element. Java has no exception-group type:
 * suppressed exceptions are secondary failures (a {@code close()} that failed too), so no element
 * is marked {@code is_exception_group}, which would make Sentry group and title the issue by them.
 *
 * <p>At most {@value #MAX_EXCEPTIONS} exceptions are kept, the thrown exception's cause chain
 * first. A throwable met twice (a cyclic cause chain, a throwable suppressed by its own cause) is
 * taken once. Overridden {@code getMessage()}, {@code getCause()}, {@code getSuppressed()} or
 * {@code getStackTrace()} that throw are survived, and each message is cut to {@value
 * ThrowableSnapshot#MAX_MESSAGE_CHARS} characters. Thread-safe; never throws for a non-null
 * throwable.
 */
public final class ExceptionFactory {
  /** The most exceptions one event keeps. */
  public static final int MAX_EXCEPTIONS = 32;

  /** The mechanism type of every exception but the thrown one, as the official SDK sends it. */
  public static final String CHAINED = "chained";

  private static final Throwable[] NONE = new Throwable[0];
  private static final String[] SUPPRESSED_SOURCES = new String[MAX_EXCEPTIONS];

  static {
    for (int i = 0; i < SUPPRESSED_SOURCES.length; i++) {
      SUPPRESSED_SOURCES[i] = "suppressed[" + i + "]";
    }
  }

  private final StackFrameFactory frames;

  /** A factory that builds stack traces with the given frame factory. */
  public ExceptionFactory(StackFrameFactory frames) {
    this.frames = frames;
  }

  /**
   * Reads, on the capturing thread, everything the exception list will be made of: each throwable's
   * class, its message ({@code getMessage()} called once) and its stack trace elements. Never
   * throws for a non-null throwable.
   */
  public static ThrowableSnapshot snapshot(Throwable thrown) {
    Node[] byId = collect(thrown);
    int n = byId.length;
    Class<?>[] types = new Class<?>[n];
    String[] messages = new String[n];
    StackTraceElement[][] stacks = new StackTraceElement[n][];
    int[] parents = new int[n];
    String[] sources = new String[n];
    int chainLength = 0;
    long heldChars = 0;
    for (int id = 0; id < n; id++) {
      Node node = byId[id];
      Throwable t = node.throwable;
      types[id] = t.getClass();
      String message = message(t, types[id].getName());
      heldChars += message == null ? 0 : message.length();
      messages[id] = cut(message);
      stacks[id] = stackTrace(t);
      parents[id] = node.parent == null ? -1 : node.parent.id;
      sources[id] = node.source;
      if (node.inCauseChain) {
        chainLength++;
      }
    }
    Throwable[] chain = new Throwable[chainLength];
    for (int id = 0, c = 0; id < n; id++) {
      if (byId[id].inCauseChain) {
        chain[c++] = byId[id].throwable;
      }
    }
    return new ThrowableSnapshot(types, messages, stacks, parents, sources, chain, heldChars);
  }

  private static @Nullable String cut(@Nullable String message) {
    int max = ThrowableSnapshot.MAX_MESSAGE_CHARS;
    if (message == null || message.length() <= max) {
      return message;
    }
    int end = Character.isHighSurrogate(message.charAt(max - 1)) ? max - 1 : max;
    return message.substring(0, end);
  }

  /**
   * The exception list of a throwable, read and made at once: {@link #snapshot} then {@link
   * #exceptions(ThrowableSnapshot, String, boolean, long)}.
   */
  public List<SentryException> exceptions(
      Throwable thrown, String mechanismType, boolean handled, long threadId) {
    return exceptions(snapshot(thrown), mechanismType, handled, threadId);
  }

  /**
   * The exception list of an event, root cause first and the captured exception last, made from a
   * snapshot; for the SDK's thread.
   *
   * @param snapshot what was read of the captured throwable
   * @param mechanismType how it was captured, {@code generic} for {@code captureException}, {@code
   *     auto.<kind>.<integration>} for an integration
   * @param handled false when the throwable ended a request or thread (an unhandled issue)
   * @param threadId the id of the thread it was thrown on, for {@code thread_id}
   */
  public List<SentryException> exceptions(
      ThrowableSnapshot snapshot, String mechanismType, boolean handled, long threadId) {
    Long thread = threadId;
    List<SentryException> result = new ArrayList<>(snapshot.size());
    for (int id = snapshot.size() - 1; id >= 0; id--) {
      int parent = snapshot.parent(id);
      Mechanism mechanism;
      if (parent < 0) {
        mechanism = new Mechanism(mechanismType);
        mechanism.setHandled(handled);
      } else {
        mechanism = new Mechanism(CHAINED);
        mechanism.setParentId(parent);
        mechanism.setSource(snapshot.source(id));
      }
      mechanism.setExceptionId(id);
      result.add(exception(snapshot, id, mechanism, thread));
    }
    return result;
  }

  /** The throwables to send, indexed by exception id. */
  private static Node[] collect(Throwable thrown) {
    Seen seen = new Seen();
    seen.add(thrown);
    List<Node> chain = new ArrayList<>();
    chain.add(new Node(thrown, null, null));
    for (Throwable t = cause(thrown);
        t != null && chain.size() < MAX_EXCEPTIONS && seen.add(t);
        t = cause(t)) {
      chain.add(new Node(t, chain.get(chain.size() - 1), "cause"));
    }
    for (Node node : chain) {
      node.inCauseChain = true;
    }
    List<Node> side = new ArrayList<>(0);
    int budget = MAX_EXCEPTIONS - chain.size();
    for (int i = 0; i < chain.size() && side.size() < budget; i++) {
      addSuppressedSubtrees(chain.get(i), seen, side, budget);
    }
    // Ids: the thrown exception 0, then the side nodes, then the rest of the cause chain, so that
    // the list (descending ids) starts with the root cause.
    Node[] byId = new Node[chain.size() + side.size()];
    for (int i = 0; i < side.size(); i++) {
      byId[1 + i] = side.get(i);
    }
    for (int i = 0; i < chain.size(); i++) {
      byId[i == 0 ? 0 : side.size() + i] = chain.get(i);
    }
    for (int id = 0; id < byId.length; id++) {
      byId[id].id = id;
    }
    return byId;
  }

  /**
   * Adds the suppressed exceptions of {@code owner} and everything hanging off them to {@code
   * side}, depth first (cause before suppressed), until it holds {@code budget} nodes.
   */
  private static void addSuppressedSubtrees(Node owner, Seen seen, List<Node> side, int budget) {
    Throwable[] first = suppressed(owner.throwable);
    if (first.length == 0) {
      return; // the common case: no deque to allocate
    }
    ArrayDeque<Node> stack = new ArrayDeque<>();
    pushSuppressed(owner, first, seen, stack, budget - side.size());
    while (!stack.isEmpty() && side.size() < budget) {
      Node node = stack.pop();
      side.add(node);
      pushSuppressed(node, suppressed(node.throwable), seen, stack, budget - side.size());
      Throwable cause = cause(node.throwable);
      if (cause != null && seen.add(cause)) {
        stack.push(new Node(cause, node, "cause")); // pushed last, so taken first
      }
    }
  }

  /**
   * Pushes the suppressed exceptions of {@code parent}, the first on top. Only the first {@code
   * limit} can still be taken, so a throwable with thousands of suppressed ones costs no more.
   */
  private static void pushSuppressed(
      Node parent, Throwable[] suppressed, Seen seen, ArrayDeque<Node> stack, int limit) {
    for (int i = Math.min(suppressed.length, limit) - 1; i >= 0; i--) {
      Throwable s = suppressed[i];
      if (s != null && seen.add(s)) {
        stack.push(new Node(s, parent, suppressedSource(i)));
      }
    }
  }

  private static String suppressedSource(int index) {
    return index < SUPPRESSED_SOURCES.length
        ? SUPPRESSED_SOURCES[index]
        : "suppressed[" + index + "]";
  }

  private SentryException exception(
      ThrowableSnapshot snapshot, int id, Mechanism mechanism, Long threadId) {
    SentryException exception = new SentryException();
    String className = snapshot.type(id).getName();
    int dot = className.lastIndexOf('.');
    exception.setType(dot < 0 ? className : className.substring(dot + 1));
    exception.setModule(dot < 0 ? null : className.substring(0, dot));
    exception.setValue(snapshot.message(id));
    exception.setThreadId(threadId);
    SentryStackTrace stack = frames.stackTrace(snapshot.stack(id));
    exception.setStacktrace(stack);
    int[] omitted = stack != null ? stack.getFramesOmitted() : null;
    if (omitted != null) {
      // the event schema has no frames_omitted on stack traces; mechanism data is where a reader
      // of the event (and Sentry's UI) can still see which part of a deep stack was left out
      mechanism.setData(
          Collections.<String, Object>singletonMap(
              "frames_omitted", Arrays.asList(omitted[0], omitted[1])));
    }
    exception.setMechanism(mechanism);
    return exception;
  }

  /**
   * The message of a throwable without letting an overridden {@code getMessage()} throw: when it
   * does, the (guarded) {@code toString()}, else a placeholder naming the failure.
   */
  static @Nullable String message(Throwable t, String className) {
    try {
      return t.getMessage();
    } catch (Throwable getMessageFailed) {
      try {
        return t.toString();
      } catch (Throwable toStringFailed) {
        return "<"
            + className
            + ".getMessage() threw "
            + getMessageFailed.getClass().getName()
            + ">";
      }
    }
  }

  private static @Nullable Throwable cause(Throwable t) {
    try {
      return t.getCause();
    } catch (Throwable e) {
      return null;
    }
  }

  private static Throwable[] suppressed(Throwable t) {
    try {
      Throwable[] suppressed = t.getSuppressed();
      return suppressed == null ? NONE : suppressed;
    } catch (Throwable e) {
      return NONE;
    }
  }

  private static StackTraceElement @Nullable [] stackTrace(Throwable t) {
    try {
      return t.getStackTrace();
    } catch (Throwable e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "ExceptionFactory{" + frames + '}';
  }

  /**
   * The throwables met, by identity (never their {@code hashCode} or {@code equals}): a few dozen
   * at most, so a scan of an array beats a hash table.
   */
  private static final class Seen {
    private Throwable[] items = new Throwable[8];
    private int size;

    boolean add(Throwable t) {
      for (int i = 0; i < size; i++) {
        if (items[i] == t) {
          return false;
        }
      }
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = t;
      return true;
    }
  }

  /** A throwable to send, and where it hangs in the tree. */
  private static final class Node {
    final Throwable throwable;
    final @Nullable Node parent;
    final @Nullable String source;
    int id;
    boolean inCauseChain;

    Node(Throwable throwable, @Nullable Node parent, @Nullable String source) {
      this.throwable = throwable;
      this.parent = parent;
      this.source = source;
    }
  }
}

package io.sentryj.agent.weave;

import org.jspecify.annotations.Nullable;

/** What a woven call passes: {@code this}, an argument, a field of {@code this}, a constant. */
public final class Value {
  enum Kind {
    THIS,
    ARGUMENT,
    /** The first argument whose declared type is {@link #descriptor}, or null. */
    ARGUMENT_OF_TYPE,
    FIELD,
    INT,
    NULL,
    /** On exit: the reference the method returns (null when it throws or returns none). */
    RETURNED,
    /** On exit: what the method throws (null when it returns). */
    THROWN
  }

  /** The object whose method runs. */
  public static final Value THIS = new Value(Kind.THIS, 0, null, null, null);

  /** On exit: the method's returned reference, or null. */
  public static final Value RETURNED = new Value(Kind.RETURNED, 0, null, null, null);

  /** On exit: the method's throwable, or null. */
  public static final Value THROWN = new Value(Kind.THROWN, 0, null, null, null);

  /** A null reference. */
  public static final Value NULL = new Value(Kind.NULL, 0, null, null, null);

  final Kind kind;
  final int number;
  final @Nullable String owner;
  final @Nullable String name;
  final @Nullable String descriptor;

  private Value(
      Kind kind,
      int number,
      @Nullable String owner,
      @Nullable String name,
      @Nullable String descriptor) {
    this.kind = kind;
    this.number = number;
    this.owner = owner;
    this.name = name;
    this.descriptor = descriptor;
  }

  /** The method's argument at this position (0 for the first). */
  public static Value argument(int index) {
    return new Value(Kind.ARGUMENT, index, null, null, null);
  }

  /**
   * The first argument declared with this type descriptor ({@code Ljava/lang/Runnable;}), or null
   * when the method has none: for hooks on every constructor of a class.
   */
  public static Value firstArgumentOf(String typeDescriptor) {
    return new Value(Kind.ARGUMENT_OF_TYPE, 0, null, null, typeDescriptor);
  }

  /** A field of {@code this}, read with {@code getfield owner.name:descriptor}. */
  public static Value field(String owner, String name, String descriptor) {
    return new Value(Kind.FIELD, 0, owner, name, descriptor);
  }

  /** An {@code int} (or {@code boolean}) constant. */
  public static Value constant(int value) {
    return new Value(Kind.INT, value, null, null, null);
  }

  @Override
  public String toString() {
    switch (kind) {
      case ARGUMENT:
        return "argument " + number;
      case FIELD:
        return "field " + name;
      case INT:
        return String.valueOf(number);
      default:
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}

package io.sentryj.agent.weave;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Calls to weave into the methods of some classes: one on entry, whose result may replace an
 * argument, and one on exit, at every normal return and, with {@link Builder#onThrow}, also when
 * the method throws (a handler around its whole body calls it, then throws on).
 *
 * <p>What an exit call may pass is limited so that the woven code needs no local variable: with
 * {@code onThrow}, nothing, {@code THROWN}, or {@code RETURNED, THROWN}; without, any values, with
 * {@code RETURNED} (if at all) first.
 */
public final class Hook {
  final String instrumentation;
  final TypeMatcher type;
  final MethodMatcher method;
  final @Nullable Call enter;
  final int replaced;
  final @Nullable Call exit;
  final boolean onThrow;

  private Hook(Builder builder) {
    this.instrumentation = builder.instrumentation;
    this.type = builder.type;
    this.method = builder.method;
    this.enter = builder.enter;
    this.replaced = builder.replaced;
    this.exit = builder.exit;
    this.onThrow = builder.onThrow;
  }

  /**
   * A hook of the named instrumentation on the methods {@code method} of the classes {@code type}.
   */
  public static Builder on(String instrumentation, TypeMatcher type, MethodMatcher method) {
    return new Builder(instrumentation, type, method);
  }

  @Override
  public String toString() {
    return "Hook{"
        + instrumentation
        + ' '
        + type
        + ' '
        + method
        + (enter != null ? " enter " + enter : "")
        + (exit != null ? " exit " + exit : "")
        + '}';
  }

  /** Builds a {@link Hook}. */
  public static final class Builder {
    private final String instrumentation;
    private final TypeMatcher type;
    private final MethodMatcher method;
    private @Nullable Call enter;
    private int replaced = -1;
    private @Nullable Call exit;
    private boolean onThrow;

    private Builder(String instrumentation, TypeMatcher type, MethodMatcher method) {
      this.instrumentation = instrumentation;
      this.type = type;
      this.method = method;
    }

    /** Calls {@code call} as the method starts; a value it returns is dropped. */
    public Builder enter(Call call) {
      this.enter = call;
      return this;
    }

    /** Calls {@code call} as the method starts and passes what it returns as argument {@code i}. */
    public Builder enterReplacing(int argument, Call call) {
      this.enter = call;
      this.replaced = argument;
      return this;
    }

    /** Calls {@code call} at every normal return. */
    public Builder exit(Call call) {
      this.exit = call;
      return this;
    }

    /** Calls {@code call} at every normal return and when the method throws. */
    public Builder onThrow(Call call) {
      this.exit = call;
      this.onThrow = true;
      return this;
    }

    /** The hook; throws when an exit call passes what cannot be passed without a local variable. */
    public Hook build() {
      Call e = exit;
      if (e != null) {
        check(e.values, onThrow);
      }
      return new Hook(this);
    }

    private static void check(List<Value> values, boolean onThrow) {
      for (int i = 0; i < values.size(); i++) {
        Value.Kind kind = values.get(i).kind;
        boolean allowed =
            onThrow
                ? (kind == Value.Kind.THROWN && i == values.size() - 1)
                    || (kind == Value.Kind.RETURNED && i == 0 && values.size() == 2)
                : kind != Value.Kind.RETURNED || i == 0;
        if (!allowed) {
          throw new IllegalArgumentException("an exit call cannot pass " + values);
        }
      }
    }
  }
}

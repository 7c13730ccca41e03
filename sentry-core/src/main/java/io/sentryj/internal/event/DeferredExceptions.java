package io.sentryj.internal.event;

import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An event's exception list that is made when first read, so that capture leaves that work to the
 * SDK's thread: {@code event.setExceptions(new DeferredExceptions(source))}. Until then the SDK's
 * parts can read how it will be made ({@link #sourceOf}) without making it; once made, it is an
 * ordinary list that {@code beforeSend} may change. Like the event, not thread-safe.
 */
public final class DeferredExceptions extends AbstractList<SentryException> {
  private @Nullable Supplier<List<SentryException>> source;
  private @Nullable List<SentryException> made;

  /** A list {@code source} makes on first read. */
  public DeferredExceptions(Supplier<List<SentryException>> source) {
    this.source = source;
  }

  /** How the event's exception list will be made, or null when it has none or is made already. */
  public static @Nullable Supplier<List<SentryException>> sourceOf(SentryEvent event) {
    List<SentryException> list = event.getExceptions();
    return list instanceof DeferredExceptions ? ((DeferredExceptions) list).source : null;
  }

  private List<SentryException> made() {
    List<SentryException> m = made;
    if (m == null) {
      Supplier<List<SentryException>> s = source;
      m = s != null ? new ArrayList<>(s.get()) : new ArrayList<>();
      made = m;
      source = null;
    }
    return m;
  }

  /** False until made: a throwable makes at least one exception. */
  @Override
  public boolean isEmpty() {
    List<SentryException> m = made;
    return m != null && m.isEmpty();
  }

  @Override
  public SentryException get(int index) {
    return made().get(index);
  }

  @Override
  public int size() {
    return made().size();
  }

  @Override
  public SentryException set(int index, SentryException element) {
    return made().set(index, element);
  }

  @Override
  public void add(int index, SentryException element) {
    made().add(index, element);
  }

  @Override
  public SentryException remove(int index) {
    return made().remove(index);
  }

  @Override
  public String toString() {
    return made != null ? String.valueOf(made) : "DeferredExceptions{" + source + '}';
  }
}

package io.sentryj.internal.scope;

import io.sentryj.Attachment;
import io.sentryj.Breadcrumb;
import io.sentryj.EventProcessor;
import io.sentryj.SentryLevel;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SpanContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The three scopes of Sentry's unified API that apply to an event: the process-wide global scope,
 * the isolation scope (one per request or unit of work; where {@code Sentry.setTag} writes) and the
 * current scope (forked by {@code withScope}). Immutable: forking makes a new {@code Scopes}.
 */
public final class Scopes {
  private static final Comparator<Breadcrumb> BY_TIME =
      (a, b) -> Long.compare(a.timestampMillis(), b.timestampMillis());

  /**
   * How many breadcrumbs recorded outside it a new unit of work starts with ({@link
   * #forkIsolation}): enough for the last lines of the start-up or of what ran just before.
   */
  public static final int INHERITED_BREADCRUMBS = 10;

  private final ScopeImpl global;
  private final ScopeImpl isolation;
  private final ScopeImpl current;

  /** Scopes made of these three. */
  public Scopes(ScopeImpl global, ScopeImpl isolation, ScopeImpl current) {
    this.global = global;
    this.isolation = isolation;
    this.current = current;
  }

  public ScopeImpl global() {
    return global;
  }

  public ScopeImpl isolation() {
    return isolation;
  }

  public ScopeImpl current() {
    return current;
  }

  /** Scopes with a fork of the current scope, for {@code withScope}. */
  public Scopes forkCurrent() {
    return new Scopes(global, isolation, current.fork());
  }

  /**
   * Scopes with forks of the isolation and current scopes for a new unit of work (a request, a
   * message, a job; {@code Sentry.pushIsolationScope}): what the fork adds stays in the fork, and
   * of the breadcrumbs recorded before it (at start-up, between requests, by other work outside any
   * unit) the fork keeps only the newest {@value #INHERITED_BREADCRUMBS}, so that the unit's events
   * are explained by its own breadcrumbs rather than filled with the application's start.
   */
  public Scopes forkIsolation() {
    return new Scopes(global, isolation.fork(INHERITED_BREADCRUMBS), current.fork());
  }

  /**
   * Scopes with whole forks of the isolation and current scopes, for a task handed to another
   * thread: the task goes on with its submitter's unit of work, breadcrumbs and all, and what it
   * adds stays with the task.
   */
  public Scopes forkForTask() {
    return new Scopes(global, isolation.fork(), current.fork());
  }

  /** The trace events of these scopes belong to: the isolation scope's, else the global one's. */
  public PropagationContext propagationContext() {
    PropagationContext context = isolation.getPropagationContext();
    if (context == null) {
      context = global.getPropagationContext();
    }
    if (context == null) {
      context = PropagationContext.newTrace();
      global.setPropagationContext(context);
    }
    return context;
  }

  /**
   * Applies the scopes' data to the event (the most specific scope wins, the event's own values
   * always do), sets {@code contexts.trace}, and collects the scopes' event processors and
   * attachments, in global, isolation, current order.
   */
  public void applyTo(
      SentryEvent event,
      int maxBreadcrumbs,
      List<EventProcessor> processorsOut,
      List<Attachment> attachmentsOut) {
    current.fillEvent(event);
    if (isolation != current) {
      isolation.fillEvent(event);
    }
    if (global != isolation) {
      global.fillEvent(event);
    }
    applyLevel(event);
    applyBreadcrumbs(event, maxBreadcrumbs);
    if (event.getContexts().getTrace() == null) {
      PropagationContext context = propagationContext();
      SpanContext trace = new SpanContext(context.traceId(), context.spanId());
      trace.setParentSpanId(context.parentSpanId());
      event.getContexts().setTrace(trace);
    }
    global.copyEventProcessors(processorsOut);
    isolation.copyEventProcessors(processorsOut);
    current.copyEventProcessors(processorsOut);
    global.copyAttachments(attachmentsOut);
    isolation.copyAttachments(attachmentsOut);
    current.copyAttachments(attachmentsOut);
  }

  private void applyLevel(SentryEvent event) {
    SentryLevel level = current.level();
    if (level == null) {
      level = isolation.level();
    }
    if (level == null) {
      level = global.level();
    }
    if (level != null) {
      event.setLevel(level);
    }
  }

  private void applyBreadcrumbs(SentryEvent event, int maxBreadcrumbs) {
    List<Breadcrumb> target = event.getBreadcrumbs();
    if (target instanceof ArrayList) {
      // one array of the right size, instead of growing it seven times for a full ring
      int incoming = global.breadcrumbCount();
      incoming += isolation != global ? isolation.breadcrumbCount() : 0;
      incoming += current != isolation ? current.breadcrumbCount() : 0;
      ((ArrayList<Breadcrumb>) target).ensureCapacity(target.size() + incoming);
    }
    int sources = target.isEmpty() ? 0 : 1;
    sources += global.copyBreadcrumbs(target) > 0 ? 1 : 0;
    if (isolation != global) {
      sources += isolation.copyBreadcrumbs(target) > 0 ? 1 : 0;
    }
    if (current != isolation) {
      sources += current.copyBreadcrumbs(target) > 0 ? 1 : 0;
    }
    if (sources > 1) {
      target.sort(BY_TIME); // stable: equal times keep scope order
    }
    int excess = target.size() - maxBreadcrumbs;
    if (excess > 0) {
      List<Breadcrumb> newest = new ArrayList<>(target.subList(excess, target.size()));
      target.clear();
      target.addAll(newest);
    }
  }

  @Override
  public String toString() {
    return "Scopes{isolation=" + isolation + ", current=" + current + '}';
  }
}

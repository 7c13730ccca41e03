package io.sentryj.internal.envelope;

/**
 * How much of an event the {@link EventWriter} writes. The serializer tries these in order, each
 * giving up more than the one before, until the event fits its size limit (protocol section 2: an
 * event item is at most 1 MiB). Immutable.
 */
final class Limits {
  static final int UNLIMITED = Integer.MAX_VALUE;

  /** What is always written: nothing cut but the protocol's own limits and runaway nesting. */
  static final Limits FULL = new Limits("full");

  /** The stages tried after {@link #FULL}, in order. */
  static final Limits[] REDUCED = {
    FULL.named("newest 10 breadcrumbs").breadcrumbs(10),
    FULL.named("no extra, small data bags").breadcrumbs(10).noExtra().bags(4, 50, 1024),
    FULL.named("strings cut to 4 KiB").breadcrumbs(10).noExtra().bags(4, 50, 1024).strings(4096),
    FULL.named("stacks cut to 100 frames")
        .breadcrumbs(10)
        .noExtra()
        .bags(4, 50, 1024)
        .strings(4096)
        .frames(100, 20),
    FULL.named("only the exception, trace and tags")
        .breadcrumbs(0)
        .noExtra()
        .bags(3, 20, 256)
        .strings(1024)
        .frames(20, 5)
        .essentialsOnly(),
    FULL.named("skeleton").skeleton(),
    FULL.named("minimal").minimal(),
  };

  final String name;
  int maxBreadcrumbs = UNLIMITED;
  boolean extra = true;

  /** Nesting, entries per container and characters per string inside free-form values. */
  int bagDepth = 16;

  int bagItems = UNLIMITED;
  int bagString = UNLIMITED;

  /** Characters per string elsewhere (messages, exception values, request bodies, ...). */
  int maxString = UNLIMITED;

  int maxFrames = UNLIMITED;
  int maxExceptions = UNLIMITED;

  /** False drops threads, request, modules, named contexts, user data and SDK package lists. */
  boolean secondary = true;

  /** Only ids, time, level, release, environment, trace and the main exception's headline. */
  boolean skeleton;

  /** Only what an event cannot be without, with short strings: the last resort. */
  boolean minimal;

  private Limits(String name) {
    this.name = name;
  }

  private Limits named(String newName) {
    Limits l = new Limits(newName);
    l.maxBreadcrumbs = maxBreadcrumbs;
    l.extra = extra;
    l.bagDepth = bagDepth;
    l.bagItems = bagItems;
    l.bagString = bagString;
    l.maxString = maxString;
    l.maxFrames = maxFrames;
    l.maxExceptions = maxExceptions;
    l.secondary = secondary;
    l.skeleton = skeleton;
    l.minimal = minimal;
    return l;
  }

  private Limits breadcrumbs(int max) {
    maxBreadcrumbs = max;
    return this;
  }

  private Limits noExtra() {
    extra = false;
    return this;
  }

  private Limits bags(int depth, int items, int string) {
    bagDepth = depth;
    bagItems = items;
    bagString = string;
    return this;
  }

  private Limits strings(int max) {
    maxString = max;
    return this;
  }

  private Limits frames(int max, int exceptions) {
    maxFrames = max;
    maxExceptions = exceptions;
    return this;
  }

  private Limits essentialsOnly() {
    secondary = false;
    return this;
  }

  private Limits skeleton() {
    skeleton = true;
    secondary = false;
    extra = false;
    maxBreadcrumbs = 0;
    maxExceptions = 1;
    maxFrames = 0;
    maxString = 200;
    bags(1, 10, 200);
    return this;
  }

  private Limits minimal() {
    skeleton();
    minimal = true;
    maxString = 32;
    return this;
  }

  @Override
  public String toString() {
    return name;
  }
}

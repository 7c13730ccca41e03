package io.sentryj.internal.scope;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Attachment;
import io.sentryj.Breadcrumb;
import io.sentryj.EventProcessor;
import io.sentryj.SentryLevel;
import io.sentryj.User;
import io.sentryj.protocol.SentryEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopesTest {
  private final ScopeImpl global = new ScopeImpl(100, null);
  private final ScopeImpl isolation = new ScopeImpl(100, null);
  private final ScopeImpl current = new ScopeImpl(100, null);
  private final Scopes scopes = new Scopes(global, isolation, current);

  private SentryEvent apply(SentryEvent event) {
    scopes.applyTo(event, 100, new ArrayList<>(), new ArrayList<>());
    return event;
  }

  @Test
  void fullRingDropsOldestAndKeepsOrder() {
    ScopeImpl scope = new ScopeImpl(3, null);
    for (int i = 0; i < 5; i++) {
      scope.addBreadcrumb(Breadcrumb.info("b" + i));
    }
    assertThat(scope.getBreadcrumbs())
        .extracting(Breadcrumb::message)
        .containsExactly("b2", "b3", "b4");
  }

  @Test
  void zeroBreadcrumbsKeepsNone() {
    ScopeImpl scope = new ScopeImpl(0, null);
    scope.addBreadcrumb(Breadcrumb.info("x"));
    assertThat(scope.getBreadcrumbs()).isEmpty();
  }

  @Test
  void beforeBreadcrumbCanChangeDropOrThrow() {
    ScopeImpl scope =
        new ScopeImpl(
            10,
            (b, hint) -> {
              if ("drop".equals(b.message())) {
                return null;
              }
              if ("boom".equals(b.message())) {
                throw new IllegalStateException("callback bug");
              }
              return b.toBuilder().category("changed").build();
            });
    scope.addBreadcrumb(Breadcrumb.info("keep"));
    scope.addBreadcrumb(Breadcrumb.info("drop"));
    scope.addBreadcrumb(Breadcrumb.info("boom"));
    List<Breadcrumb> kept = scope.getBreadcrumbs();
    assertThat(kept).extracting(Breadcrumb::message).containsExactly("keep", "boom");
    assertThat(kept.get(0).category()).isEqualTo("changed");
    assertThat(kept.get(1).category()).isNull(); // kept unchanged when the callback threw
  }

  @Test
  void forkIsIndependentBothWays() {
    isolation.setTag("a", "1");
    isolation.addBreadcrumb(Breadcrumb.info("before"));
    ScopeImpl fork = isolation.fork();
    fork.setTag("b", "2");
    fork.addBreadcrumb(Breadcrumb.info("in fork"));
    isolation.setTag("c", "3");

    SentryEvent fromFork = new SentryEvent();
    fork.fillEvent(fromFork);
    SentryEvent fromOriginal = new SentryEvent();
    isolation.fillEvent(fromOriginal);

    assertThat(fromFork.getTags()).containsOnlyKeys("a", "b");
    assertThat(fromOriginal.getTags()).containsOnlyKeys("a", "c");
    assertThat(fork.getBreadcrumbs()).hasSize(2);
    assertThat(isolation.getBreadcrumbs()).hasSize(1);
  }

  @Test
  void mostSpecificScopeWinsAndEventValuesWinOverAll() {
    global.setTag("t", "global");
    global.setTag("g", "g");
    isolation.setTag("t", "isolation");
    isolation.setTag("i", "i");
    current.setTag("t", "current");
    SentryEvent event = new SentryEvent();
    event.setTag("own", "event");
    apply(event);
    assertThat(event.getTags())
        .containsEntry("t", "current")
        .containsEntry("g", "g")
        .containsEntry("i", "i")
        .containsEntry("own", "event");

    SentryEvent withOwn = new SentryEvent();
    withOwn.setTag("t", "event");
    apply(withOwn);
    assertThat(withOwn.getTags()).containsEntry("t", "event");
  }

  @Test
  void scopeLevelOverridesEventLevel() {
    isolation.setLevel(SentryLevel.WARNING);
    SentryEvent event = new SentryEvent();
    event.setLevel(SentryLevel.ERROR);
    assertThat(apply(event).getLevel()).isEqualTo(SentryLevel.WARNING);
    current.setLevel(SentryLevel.FATAL);
    assertThat(apply(new SentryEvent()).getLevel()).isEqualTo(SentryLevel.FATAL);
  }

  @Test
  void userRequestTransactionFingerprintAndContextsFillOnlyWhatIsMissing() {
    isolation.setUser(User.builder().id("42").build());
    isolation.setTransaction("GET /orders/{id}");
    isolation.setFingerprint(Arrays.asList("{{ default }}", "orders"));
    isolation.setContext("order", Collections.singletonMap("id", 7));
    global.setExtra("build", "abc");
    SentryEvent event = apply(new SentryEvent());
    assertThat(event.getUser().id()).isEqualTo("42");
    assertThat(event.getTransaction()).isEqualTo("GET /orders/{id}");
    assertThat(event.getFingerprint()).containsExactly("{{ default }}", "orders");
    assertThat(event.getContexts().get("order")).containsEntry("id", 7);
    assertThat(event.getExtra()).containsEntry("build", "abc");

    SentryEvent own = new SentryEvent();
    own.setUser(User.builder().id("own").build());
    own.setFingerprint(Collections.singletonList("mine"));
    apply(own);
    assertThat(own.getUser().id()).isEqualTo("own");
    assertThat(own.getFingerprint()).containsExactly("mine");
  }

  @Test
  void everyEventGetsTheIsolationScopesTrace() {
    PropagationContext context = PropagationContext.newTrace();
    isolation.setPropagationContext(context);
    SentryEvent event = apply(new SentryEvent());
    assertThat(event.getContexts().getTrace()).isNotNull();
    assertThat(event.getContexts().getTrace().getTraceId()).isEqualTo(context.traceId());
    assertThat(event.getContexts().getTrace().getSpanId()).matches("[0-9a-f]{16}");
  }

  @Test
  void withoutAnIsolationTraceTheProcessWideOneIsUsedConsistently() {
    SentryEvent first = apply(new SentryEvent());
    SentryEvent second = apply(new SentryEvent());
    assertThat(first.getContexts().getTrace().getTraceId())
        .isEqualTo(second.getContexts().getTrace().getTraceId());
  }

  @Test
  void breadcrumbsOfAllScopesMergeByTimeAndAreCapped() {
    global.addBreadcrumb(Breadcrumb.builder().message("g").timestampMillis(2).build());
    isolation.addBreadcrumb(Breadcrumb.builder().message("i1").timestampMillis(1).build());
    isolation.addBreadcrumb(Breadcrumb.builder().message("i3").timestampMillis(3).build());
    current.addBreadcrumb(Breadcrumb.builder().message("c").timestampMillis(4).build());
    SentryEvent event = new SentryEvent();
    scopes.applyTo(event, 3, new ArrayList<>(), new ArrayList<>());
    assertThat(event.getBreadcrumbs())
        .extracting(Breadcrumb::message)
        .containsExactly("g", "i3", "c");
  }

  @Test
  void processorsAndAttachmentsAreCollectedInScopeOrder() {
    EventProcessor g = (e, h) -> e;
    EventProcessor i = (e, h) -> e;
    EventProcessor c = (e, h) -> e;
    global.addEventProcessor(g);
    isolation.addEventProcessor(i);
    current.addEventProcessor(c);
    Attachment a = Attachment.fromBytes(new byte[] {1}, "a.bin", null);
    current.addAttachment(a);
    List<EventProcessor> processors = new ArrayList<>();
    List<Attachment> attachments = new ArrayList<>();
    scopes.applyTo(new SentryEvent(), 100, processors, attachments);
    assertThat(processors).containsExactly(g, i, c);
    assertThat(attachments).containsExactly(a);
  }

  @Test
  void clearEmptiesTheScope() {
    isolation.setTag("a", "1");
    isolation.setUser(User.builder().id("1").build());
    isolation.addBreadcrumb(Breadcrumb.info("x"));
    isolation.clear();
    SentryEvent event = new SentryEvent();
    isolation.fillEvent(event);
    assertThat(event.getTags()).isEmpty();
    assertThat(event.getUser()).isNull();
    assertThat(isolation.getBreadcrumbs()).isEmpty();
  }

  @Test
  void contextsAreCopiedWhenSet() {
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("k", "v");
    isolation.setContext("c", values);
    values.put("k", "changed");
    SentryEvent event = apply(new SentryEvent());
    assertThat(event.getContexts().get("c")).containsEntry("k", "v");
  }

  @Test
  void ringGrowsPastItsFirstArrayWrapsWhenFullAndForksApart() {
    ScopeImpl scope = new ScopeImpl(20, null);
    for (int i = 0; i < 25; i++) {
      scope.addBreadcrumb(Breadcrumb.info("b" + i));
    }
    ScopeImpl fork = scope.fork();
    fork.addBreadcrumb(Breadcrumb.info("b25"));
    scope.addBreadcrumb(Breadcrumb.info("original"));

    assertThat(scope.getBreadcrumbs())
        .extracting(Breadcrumb::message)
        .hasSize(20)
        .startsWith("b6")
        .endsWith("b24", "original");
    assertThat(fork.getBreadcrumbs())
        .extracting(Breadcrumb::message)
        .hasSize(20)
        .startsWith("b6")
        .endsWith("b24", "b25");
    scope.clearBreadcrumbs();
    assertThat(scope.getBreadcrumbs()).isEmpty();
    assertThat(fork.getBreadcrumbs()).hasSize(20);
  }

  @Test
  void forksOfEmptyScopesKeepTheirWritesApart() {
    ScopeImpl parent = new ScopeImpl(10, null);
    ScopeImpl fork = parent.fork();
    fork.setTag("request", "1");
    fork.setExtra("e", 1);
    fork.setContext("c", Collections.singletonMap("k", "v"));
    fork.addAttachment(Attachment.fromBytes(new byte[] {1}, "a.bin", null));
    fork.addEventProcessor((event, hint) -> event);
    parent.setTag("app", "shop");

    SentryEvent fromFork = new SentryEvent();
    fork.fillEvent(fromFork);
    SentryEvent fromParent = new SentryEvent();
    parent.fillEvent(fromParent);
    List<Attachment> attachments = new ArrayList<>();
    List<EventProcessor> processors = new ArrayList<>();
    parent.copyAttachments(attachments);
    parent.copyEventProcessors(processors);

    assertThat(fromFork.getTags()).containsOnlyKeys("request");
    assertThat(fromFork.getExtra()).containsOnlyKeys("e");
    assertThat(fromFork.getContexts().get("c")).isNotNull();
    assertThat(fromParent.getTags()).containsOnlyKeys("app");
    assertThat(fromParent.getExtra()).isEmpty();
    assertThat(fromParent.getContexts().get("c")).isNull();
    assertThat(attachments).isEmpty();
    assertThat(processors).isEmpty();
  }

  @Test
  void requestSourceIsBuiltOnlyWhenAnEventNeedsItAndSetRequestReplacesIt() {
    int[] builds = {0};
    io.sentryj.protocol.Request built = new io.sentryj.protocol.Request();
    built.setUrl("https://shop.example.com/orders");
    isolation.setRequestSource(
        () -> {
          builds[0]++;
          return built;
        });
    ScopeImpl fork = isolation.fork();
    assertThat(builds[0]).isZero();

    assertThat(apply(new SentryEvent()).getRequest()).isSameAs(built);
    SentryEvent fromFork = new SentryEvent();
    fork.fillEvent(fromFork);
    assertThat(fromFork.getRequest()).isSameAs(built);
    assertThat(builds[0]).isEqualTo(2); // memoizing is the source's part

    io.sentryj.protocol.Request replaced = new io.sentryj.protocol.Request();
    isolation.setRequest(replaced);
    assertThat(isolation.getRequest()).isSameAs(replaced);
    isolation.setRequestSource(() -> built);
    isolation.clear();
    assertThat(isolation.getRequest()).isNull();
    assertThat(apply(new SentryEvent()).getRequest()).isNull();
  }

  @Test
  void aNewUnitOfWorkStartsWithOnlyTheNewestBreadcrumbsRecordedOutsideIt() {
    for (int i = 0; i < 90; i++) {
      isolation.addBreadcrumb(Breadcrumb.info("start-up " + i));
    }
    isolation.setTag("region", "eu");

    Scopes request = scopes.forkIsolation();
    request.isolation().addBreadcrumb(Breadcrumb.info("GET /orders/7"));
    SentryEvent event = new SentryEvent();
    request.applyTo(event, 100, new ArrayList<>(), new ArrayList<>());

    List<String> messages = new ArrayList<>();
    event.getBreadcrumbs().forEach(b -> messages.add(b.message()));
    assertThat(messages).hasSize(Scopes.INHERITED_BREADCRUMBS + 1);
    assertThat(messages.subList(0, Scopes.INHERITED_BREADCRUMBS))
        .containsExactly(
            "start-up 80",
            "start-up 81",
            "start-up 82",
            "start-up 83",
            "start-up 84",
            "start-up 85",
            "start-up 86",
            "start-up 87",
            "start-up 88",
            "start-up 89");
    assertThat(messages.get(Scopes.INHERITED_BREADCRUMBS)).isEqualTo("GET /orders/7");
    assertThat(event.getTags()).containsEntry("region", "eu");
    assertThat(isolation.getBreadcrumbs()).as("the outside keeps its own").hasSize(90);
  }

  @Test
  void aTaskGoesOnWithAllOfItsSubmittersBreadcrumbs() {
    for (int i = 0; i < 30; i++) {
      isolation.addBreadcrumb(Breadcrumb.info("request step " + i));
    }

    Scopes task = scopes.forkForTask();
    task.isolation().addBreadcrumb(Breadcrumb.info("in the task"));

    assertThat(task.isolation().getBreadcrumbs()).hasSize(31);
    assertThat(isolation.getBreadcrumbs()).as("the task's own stay with it").hasSize(30);
  }

  @Test
  void aRingOfFewerBreadcrumbsThanInheritedKeepsThemAllAndWrappedRingsKeepTheirOrder() {
    ScopeImpl small = new ScopeImpl(4, null);
    for (int i = 0; i < 6; i++) {
      small.addBreadcrumb(Breadcrumb.info("b" + i));
    }

    assertThat(small.fork(3).getBreadcrumbs())
        .extracting(Breadcrumb::message)
        .containsExactly("b3", "b4", "b5");
    assertThat(small.fork(10).getBreadcrumbs())
        .extracting(Breadcrumb::message)
        .containsExactly("b2", "b3", "b4", "b5");
    assertThat(small.fork(0).getBreadcrumbs()).isEmpty();
    ScopeImpl forked = small.fork(2);
    for (int i = 6; i < 9; i++) {
      forked.addBreadcrumb(Breadcrumb.info("b" + i));
    }
    assertThat(forked.getBreadcrumbs())
        .extracting(Breadcrumb::message)
        .containsExactly("b5", "b6", "b7", "b8");
  }
}

package io.sentryj.internal.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Breadcrumb;
import io.sentryj.SentryOptions;
import io.sentryj.User;
import io.sentryj.internal.event.EventFactory;
import io.sentryj.internal.event.EventSnapshot;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.Request;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryThread;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventScrubberTest {
  private static final String JWT =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

  private static SentryEvent scrubbed(SentryEvent event, SentryOptions.Builder options) {
    SentryEvent copy = EventSnapshot.of(event);
    EventScrubber.forOptions(options.build()).scrub(copy);
    return copy;
  }

  private static SentryEvent scrubbed(SentryEvent event) {
    return scrubbed(event, SentryOptions.builder());
  }

  @Test
  void tagsExtrasAndContextsAreScrubbedAtAnyDepth() {
    SentryEvent event = new SentryEvent();
    event.setTag("session_id", "s-1");
    event.setTag("auth", "Bearer " + JWT);
    event.setTag("region", "eu-1");
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("password", "hunter2");
    db.put("url", "postgres://app:pw@db.internal/orders");
    db.put("replicas", Arrays.asList("ok", Collections.singletonMap("apiKey", "k")));
    event.getExtra().put("db", db);
    event.getExtra().put("card", 4111111111111111L);
    event.getContexts().put("order", Collections.singletonMap("deep", db));

    SentryEvent s = scrubbed(event);

    assertThat(s.getTags())
        .containsEntry("session_id", "[Filtered]")
        .containsEntry("auth", "[Filtered]")
        .containsEntry("region", "eu-1");
    String extra = s.getExtra().toString();
    assertThat(extra).contains("password=[Filtered]", "postgres://[Filtered]@db.internal/orders");
    assertThat(extra).contains("apiKey=[Filtered]").doesNotContain("hunter2", "app:pw", "=k}");
    assertThat(s.getExtra()).containsEntry("card", "[Filtered]");
    assertThat(s.getContexts().get("order").toString())
        .contains("password=[Filtered]")
        .doesNotContain("hunter2");
    assertThat(event.getExtra().get("db")).isSameAs(db); // the application's map is untouched
    assertThat(db).containsEntry("password", "hunter2");
  }

  @Test
  void breadcrumbMessagesAndDataAreScrubbedAndCleanOnesKept() {
    Breadcrumb clean = Breadcrumb.info("cart opened");
    Breadcrumb secret =
        Breadcrumb.builder()
            .message("paid with 4111 1111 1111 1111")
            .data("token", "t-1")
            .data("note", "password=x")
            .build();
    SentryEvent event = new SentryEvent();
    event.setBreadcrumbs(Arrays.asList(clean, secret));

    List<Breadcrumb> crumbs = scrubbed(event).getBreadcrumbs();

    assertThat(crumbs.get(0)).isSameAs(clean);
    assertThat(crumbs.get(1).message()).isEqualTo("paid with [Filtered]");
    assertThat(crumbs.get(1).data())
        .containsEntry("token", "[Filtered]")
        .containsEntry("note", "password=[Filtered]");
    assertThat(crumbs.get(1).timestampMillis()).isEqualTo(secret.timestampMillis());
  }

  @Test
  void userFieldsTheApplicationSetAreSentAsSetButItsExtraDataIsScrubbed() {
    SentryEvent event = new SentryEvent();
    event.setUser(
        User.builder()
            .id("u-1")
            .email("ann@example.com")
            .ipAddress("203.0.113.9")
            .username("ann")
            .data("api_token", "t")
            .data("plan", "gold")
            .build());

    User user = scrubbed(event).getUser();

    assertThat(user.id()).isEqualTo("u-1");
    assertThat(user.email()).isEqualTo("ann@example.com");
    assertThat(user.ipAddress()).isEqualTo("203.0.113.9");
    assertThat(user.username()).isEqualTo("ann");
    assertThat(user.data()).containsEntry("api_token", "[Filtered]").containsEntry("plan", "gold");
  }

  @Test
  void exceptionValuesMessageLogEntryAndThreadNamesAreScrubbed() {
    SentryEvent event = new SentryEvent();
    EventFactory.of(SentryOptions.builder().build())
        .attachException(
            event,
            new IllegalStateException("declined: card 4111111111111111, auth Bearer " + JWT),
            "generic",
            true);
    Message m = new Message();
    m.setMessage("login {} with password={}");
    m.setFormatted("login ann with password=hunter2");
    m.setParams(Arrays.asList("ann", "4111111111111111"));
    event.setMessage(m);
    SentryThread thread = new SentryThread(7);
    thread.setName("worker token=abc");
    event.setThreads(Collections.singletonList(thread));

    SentryEvent s = scrubbed(event);

    assertThat(s.getExceptions().get(0).getValue())
        .isEqualTo("declined: card [Filtered], auth Bearer [Filtered]");
    assertThat(s.getMessage().getFormatted()).isEqualTo("login ann with password=[Filtered]");
    assertThat(s.getMessage().getMessage()).isEqualTo("login {} with password={}");
    assertThat(s.getMessage().getParams()).containsExactly("ann", "[Filtered]");
    assertThat(s.getThreads().get(0).getName()).isEqualTo("worker token=[Filtered]");
  }

  private static Request requestWithEverything() {
    Request r = new Request();
    r.setMethod("POST");
    r.setUrl("https://shop.example/login?password=pw1");
    r.setQueryString("user=ann&password=pw2&card=4111111111111111");
    r.setCookies("JSESSIONID=s1; theme=dark; auth_token=t1");
    r.addHeader("Authorization", "Bearer " + JWT);
    r.addHeader("Cookie", "JSESSIONID=s1; theme=dark");
    r.addHeader("Set-Cookie", "id=s2");
    r.addHeader("X-Forwarded-For", "203.0.113.9");
    r.addHeader("Forwarded", "for=203.0.113.9");
    r.addHeader("Accept", "text/html");
    r.setData("{\"name\":\"ann\",\"password\":\"pw3\",\"card\":{\"number\":4111111111111111}}");
    r.getEnv().put("REMOTE_ADDR", "203.0.113.9");
    r.getEnv().put("SERVER_NAME", "shop");
    return r;
  }

  @Test
  void withoutPiiTheRequestLosesCookiesAddressesForwardingHeadersAndBody() {
    SentryEvent event = new SentryEvent();
    event.setRequest(requestWithEverything());

    Request r = scrubbed(event).getRequest();

    assertThat(r.getCookies()).isNull();
    assertThat(r.getData()).isNull();
    assertThat(r.getEnv()).containsOnlyKeys("SERVER_NAME");
    assertThat(r.getHeaders())
        .extracting(Map.Entry::getKey)
        .containsExactly("Authorization", "Accept");
    assertThat(r.getHeaders().get(0).getValue()).isEqualTo("[Filtered]");
    assertThat(r.getUrl()).isEqualTo("https://shop.example/login?password=[Filtered]");
    assertThat(r.getQueryString()).isEqualTo("user=ann&password=[Filtered]&card=[Filtered]");
  }

  @Test
  void withPiiCookiesAddressesAndBodiesAreSentWithTheirSecretsFiltered() {
    SentryEvent event = new SentryEvent();
    event.setRequest(requestWithEverything());

    Request r = scrubbed(event, SentryOptions.builder().sendDefaultPii(true)).getRequest();

    assertThat(r.getCookies())
        .isEqualTo("JSESSIONID=[Filtered]; theme=dark; auth_token=[Filtered]");
    assertThat(r.getEnv()).containsEntry("REMOTE_ADDR", "203.0.113.9");
    assertThat(r.getHeaders())
        .extracting(Map.Entry::getKey)
        .containsExactly(
            "Authorization", "Cookie", "Set-Cookie", "X-Forwarded-For", "Forwarded", "Accept");
    assertThat(r.getHeaders().get(1).getValue()).isEqualTo("JSESSIONID=[Filtered]; theme=dark");
    assertThat(r.getData().toString())
        .isEqualTo("{name=ann, password=[Filtered], card={number=[Filtered]}}");
  }

  @Test
  void aFormBodyIsScrubbedByItsParameters() {
    SentryEvent event = new SentryEvent();
    Request r = new Request();
    r.setData("name=bob&password=pw&card=4111111111111111");
    event.setRequest(r);

    Object data =
        scrubbed(event, SentryOptions.builder().sendDefaultPii(true)).getRequest().getData();

    assertThat(data).isEqualTo("name=bob&password=[Filtered]&card=[Filtered]");
  }

  @Test
  void scrubFieldsAndSafeFieldsFromTheOptionsChangeWhatIsFiltered() {
    SentryEvent event = new SentryEvent();
    event.setTag("pin_code", "1234");
    event.setTag("session_count", "3");
    event.getExtra().put("order_note", "Bearer " + JWT);

    SentryEvent s =
        scrubbed(event, SentryOptions.builder().addScrubField("pin").addSafeField("session_count"));

    assertThat(s.getTags())
        .containsEntry("pin_code", "[Filtered]")
        .containsEntry("session_count", "3");
    assertThat(s.getExtra()).containsEntry("order_note", "Bearer [Filtered]");

    SentryEvent relaxed = scrubbed(event, SentryOptions.builder().addSafeField("order-note"));
    assertThat(relaxed.getExtra()).containsEntry("order_note", "Bearer " + JWT);
  }
}

package io.sentryj.internal.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sentryj.Breadcrumb;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.Request;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryException;
import io.sentryj.testing.EventSchema;
import io.sentryj.testing.TestEvents;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventSerializerTest {
  private final EventSerializer serializer = new EventSerializer();

  @Test
  void richEventWithEveryFieldIsValidAgainstTheSchema() {
    byte[] json = serializer.serialize(TestEvents.rich());

    EventSchema.assertValid(json);
  }

  @Test
  void richEventWritesEveryFieldUnderItsProtocolName() {
    JsonObject e = parse(serializer.serialize(TestEvents.rich()));

    assertThat(e.get("event_id").getAsString()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(e.get("timestamp").getAsString()).isEqualTo("2026-11-24T10:15:30.123Z");
    assertThat(e.get("platform").getAsString()).isEqualTo("java");
    assertThat(e.get("level").getAsString()).isEqualTo("warning");
    assertThat(e.get("logger").getAsString()).isEqualTo("com.example.Orders");
    assertThat(e.get("transaction").getAsString()).isEqualTo("/orders/{id}");
    assertThat(e.get("server_name").getAsString()).isEqualTo("web-1");
    assertThat(e.get("release").getAsString()).isEqualTo("shop@1.2.3");
    assertThat(e.get("dist").getAsString()).isEqualTo("42");
    assertThat(e.get("environment").getAsString()).isEqualTo("staging");
    assertThat(e.getAsJsonObject("tags").get("region").getAsString()).isEqualTo("eu");
    assertThat(e.getAsJsonObject("extra").toString())
        .isEqualTo("{\"count\":3,\"ratio\":0.5,\"nested\":{\"list\":[1,\"two\",true]}}");
    assertThat(e.getAsJsonArray("fingerprint").toString())
        .isEqualTo("[\"{{ default }}\",\"orders\"]");
    assertThat(e.getAsJsonObject("user").toString())
        .isEqualTo(
            "{\"id\":\"u1\",\"username\":\"ann\",\"email\":\"ann@example.com\","
                + "\"ip_address\":\"{{auto}}\",\"data\":{\"plan\":\"gold\"}}");
    assertThat(e.getAsJsonObject("sdk").toString())
        .isEqualTo(
            "{\"name\":\"sentryj.java\",\"version\":\"0.1.0\",\"integrations\":[\"logback\"],"
                + "\"packages\":[{\"name\":\"maven:io.sentryj:sentry-core\",\"version\":\"0.1.0\"}]}");
    assertThat(e.getAsJsonObject("modules").get("com.google.code.gson:gson").getAsString())
        .isEqualTo("2.13.2");
    assertThat(e.getAsJsonObject("logentry").toString())
        .isEqualTo(
            "{\"message\":\"order {} failed\",\"formatted\":\"order 7 failed\",\"params\":[\"7\"]}");
  }

  @Test
  void requestWritesHeadersAsAnObjectWithTheCookiesAsCookieHeaderAndTheBodyAsText() {
    JsonObject request = parse(serializer.serialize(TestEvents.rich())).getAsJsonObject("request");

    assertThat(request.toString())
        .isEqualTo(
            "{\"method\":\"POST\",\"url\":\"https://example.com/orders/7\","
                + "\"query_string\":\"a=1&b=2\",\"data\":\"{\\\"item\\\":\\\"book\\\"}\","
                + "\"headers\":{\"Content-Type\":\"application/json\",\"Accept\":\"*/*\","
                + "\"Cookie\":\"session=abc; theme=dark\"},"
                + "\"env\":{\"REMOTE_ADDR\":\"127.0.0.1\"}}");
  }

  @Test
  void repeatedHeadersAreJoinedUnderTheirFirstSpellingAndARelativeUrlGoesToTheEnv() {
    SentryEvent event = new SentryEvent(TestEvents.EVENT_ID, TestEvents.TIMESTAMP);
    Request r = new Request();
    r.setUrl("/orders/7");
    r.addHeader("Accept", "text/html");
    r.addHeader("accept", "application/json");
    r.addHeader("Cookie", "a=1");
    r.addHeader("Cookie", "b=2");
    event.setRequest(r);

    JsonObject request = parse(serializer.serialize(event)).getAsJsonObject("request");

    assertThat(request.has("url")).isFalse();
    assertThat(request.getAsJsonObject("env").get("REQUEST_URI").getAsString())
        .isEqualTo("/orders/7");
    assertThat(request.getAsJsonObject("headers").toString())
        .isEqualTo("{\"Accept\":\"text/html, application/json\",\"Cookie\":\"a=1; b=2\"}");
  }

  @Test
  void contextsStartWithTheTraceContextThenTheNamedOnes() {
    JsonObject contexts =
        parse(serializer.serialize(TestEvents.rich())).getAsJsonObject("contexts");

    assertThat(contexts.keySet()).containsExactly("trace", "runtime", "os");
    assertThat(contexts.getAsJsonObject("trace").toString())
        .isEqualTo(
            "{\"trace_id\":\"fedcba9876543210fedcba9876543210\",\"span_id\":\"0123456789abcdef\","
                + "\"parent_span_id\":\"fedcba9876543210\",\"op\":\"http.server\","
                + "\"status\":\"internal_error\",\"origin\":\"auto.http.servlet\",\"type\":\"trace\"}");
  }

  @Test
  void exceptionsKeepTheirOrderWithStacktraceAndMechanism() {
    JsonArray values =
        parse(serializer.serialize(TestEvents.rich()))
            .getAsJsonObject("exception")
            .getAsJsonArray("values");

    assertThat(values).hasSize(2);
    JsonObject root = values.get(0).getAsJsonObject();
    assertThat(root.get("type").getAsString()).isEqualTo("IllegalStateException");
    assertThat(root.get("thread_id").getAsLong()).isEqualTo(1);
    assertThat(root.getAsJsonObject("mechanism").toString())
        .isEqualTo(
            "{\"type\":\"chained\",\"exception_id\":1,\"parent_id\":0,\"source\":\"cause\"}");
    JsonObject main = values.get(1).getAsJsonObject();
    assertThat(main.get("value").getAsString()).isEqualTo("wrapper");
    assertThat(main.getAsJsonObject("mechanism").toString())
        .isEqualTo(
            "{\"type\":\"generic\",\"handled\":false,\"synthetic\":false,"
                + "\"description\":\"captured by a test\",\"exception_id\":0,"
                + "\"is_exception_group\":false,\"data\":{\"k\":\"v\"}}");
    JsonArray frames = main.getAsJsonObject("stacktrace").getAsJsonArray("frames");
    assertThat(frames).hasSize(4);
    assertThat(frames.get(0).toString())
        .isEqualTo(
            "{\"filename\":\"Service.java\",\"function\":\"f0\","
                + "\"module\":\"com.example.Service\",\"lineno\":10,\"in_app\":true}");
  }

  @Test
  void breadcrumbsAndThreadsAreWrappedInValues() {
    JsonObject e = parse(serializer.serialize(TestEvents.rich()));

    JsonArray crumbs = e.getAsJsonObject("breadcrumbs").getAsJsonArray("values");
    assertThat(crumbs.get(0).toString())
        .isEqualTo(
            "{\"timestamp\":\"2026-11-24T10:15:29.123Z\",\"type\":\"http\","
                + "\"category\":\"http.client\",\"message\":\"GET /api\",\"level\":\"info\","
                + "\"data\":{\"status_code\":200}}");
    JsonObject thread =
        e.getAsJsonObject("threads").getAsJsonArray("values").get(0).getAsJsonObject();
    assertThat(thread.get("id").getAsLong()).isEqualTo(1);
    assertThat(thread.get("state").getAsString()).isEqualTo("RUNNABLE");
    assertThat(thread.getAsJsonObject("stacktrace").getAsJsonArray("frames")).hasSize(3);
  }

  @Test
  void emptyEventHasOnlyTheRequiredFields() {
    SentryEvent event = new SentryEvent(TestEvents.EVENT_ID, TestEvents.TIMESTAMP);

    String json = new String(serializer.serialize(event), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"event_id\":\"0123456789abcdef0123456789abcdef\","
                + "\"timestamp\":\"2026-11-24T10:15:30.123Z\",\"platform\":\"java\"}");
    EventSchema.assertValid(json);
  }

  @Test
  void unpairedSurrogatesBecomeReplacementCharactersInValidUtf8() throws Exception {
    SentryEvent event = new SentryEvent(TestEvents.EVENT_ID, TestEvents.TIMESTAMP);
    event.setTag("lone", "a\uD800b");
    event.setExtra(Map.of("low\uDC00", "x\uDBFF", "pair", "\uD83D\uDE00"));
    event.setTransaction("end\uD800");

    byte[] json = serializer.serialize(event);

    String text = strictUtf8(json);
    JsonObject e = parse(json);
    assertThat(e.getAsJsonObject("tags").get("lone").getAsString()).isEqualTo("a\uFFFDb");
    assertThat(e.getAsJsonObject("extra").get("low\uFFFD").getAsString()).isEqualTo("x\uFFFD");
    assertThat(e.getAsJsonObject("extra").get("pair").getAsString()).isEqualTo("\uD83D\uDE00");
    assertThat(e.get("transaction").getAsString()).isEqualTo("end\uFFFD");
    assertThat(text).doesNotContain("?");
    EventSchema.assertValid(json);
  }

  @Test
  void hostileExtrasDegradeInsteadOfFailing() {
    Map<String, Object> cyclic = new LinkedHashMap<>();
    cyclic.put("self", cyclic);
    List<Object> deep = new ArrayList<>();
    List<Object> cursor = deep;
    for (int i = 0; i < 100; i++) {
      List<Object> next = new ArrayList<>();
      cursor.add(next);
      cursor = next;
    }
    Map<String, Object> extra = new HashMap<>();
    extra.put("throws", new ThrowingToString());
    extra.put("cyclic", cyclic);
    extra.put("nan", Double.NaN);
    extra.put("inf", Float.NEGATIVE_INFINITY);
    extra.put("deep", deep);
    extra.put("nullValue", null);
    extra.put("array", new int[] {1, 2});
    extra.put("chars", 'c');
    SentryEvent event = new SentryEvent(TestEvents.EVENT_ID, TestEvents.TIMESTAMP);
    event.setExtra(extra);

    byte[] json = serializer.serialize(event);

    JsonObject e = parse(json).getAsJsonObject("extra");
    assertThat(e.get("throws").getAsString())
        .isEqualTo("[toString() threw java.lang.IllegalStateException]");
    assertThat(e.getAsJsonObject("cyclic").get("self").getAsString()).isEqualTo("[cycle]");
    assertThat(e.get("nan").getAsString()).isEqualTo("NaN");
    assertThat(e.get("inf").getAsString()).isEqualTo("-Infinity");
    assertThat(e.get("deep").toString()).contains("[too deep]");
    assertThat(e.has("nullValue")).isFalse();
    assertThat(e.get("array").toString()).isEqualTo("[1,2]");
    assertThat(e.get("chars").getAsString()).isEqualTo("c");
    EventSchema.assertValid(json);
  }

  @Test
  void mapThatFailsWhileBeingReadKeepsWhatWasWritten() {
    Map<String, Object> failing =
        new AbstractMap<>() {
          @Override
          public Set<Map.Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
              @Override
              public Iterator<Map.Entry<String, Object>> iterator() {
                Iterator<Map.Entry<String, Object>> first =
                    List.<Map.Entry<String, Object>>of(Map.entry("kept", 1)).iterator();
                return new Iterator<>() {
                  @Override
                  public boolean hasNext() {
                    return true;
                  }

                  @Override
                  public Map.Entry<String, Object> next() {
                    if (first.hasNext()) {
                      return first.next();
                    }
                    throw new ConcurrentModificationException();
                  }
                };
              }

              @Override
              public int size() {
                return 2;
              }
            };
          }
        };
    SentryEvent event = new SentryEvent(TestEvents.EVENT_ID, TestEvents.TIMESTAMP);
    event.setExtra(Map.of("changing", failing, "after", "still here"));

    JsonObject extra = parse(serializer.serialize(event)).getAsJsonObject("extra");

    assertThat(extra.getAsJsonObject("changing").toString()).isEqualTo("{\"kept\":1}");
    assertThat(extra.get("after").getAsString()).isEqualTo("still here");
  }

  @Test
  void nullsInTheModelAreLeftOut() {
    SentryEvent event = new SentryEvent(TestEvents.EVENT_ID, TestEvents.TIMESTAMP);
    event.setMessage(new Message());
    event.setRequest(new Request());
    SentryException x = new SentryException();
    x.setType("E");
    event.setExceptions(List.of(x));

    JsonObject e = parse(serializer.serialize(event));

    assertThat(e.has("logentry")).isFalse();
    assertThat(e.getAsJsonObject("request").size()).isZero();
    assertThat(e.getAsJsonObject("exception").getAsJsonArray("values").get(0).toString())
        .isEqualTo("{\"type\":\"E\"}");
  }

  @Test
  void tagsAreCutBelow200CharactersAndFormattedMessagesTo8192() {
    SentryEvent event = new SentryEvent(TestEvents.EVENT_ID, TestEvents.TIMESTAMP);
    event.setTag("k".repeat(300), "v".repeat(300));
    Message m = new Message();
    m.setFormatted("m".repeat(1_000_000));
    event.setMessage(m);

    JsonObject e = parse(serializer.serialize(event));

    Map.Entry<String, com.google.gson.JsonElement> tag =
        e.getAsJsonObject("tags").entrySet().iterator().next();
    assertThat(tag.getKey()).hasSize(199).endsWith("...");
    assertThat(tag.getValue().getAsString()).hasSize(199);
    assertThat(e.getAsJsonObject("logentry").get("formatted").getAsString()).hasSize(8192);
  }

  @Test
  void serializingDoesNotChangeTheEvent() {
    SentryEvent event = hugeEvent();

    byte[] first = serializer.serialize(event, 100_000);
    byte[] second = serializer.serialize(event, 100_000);

    assertThat(second).isEqualTo(first);
    assertThat(event.getBreadcrumbs()).hasSize(200);
    assertThat(event.getExtra()).hasSize(100);
  }

  @Test
  void fiveMegabyteEventIsReducedBelowOneMebibyteAndStaysValid() {
    SentryEvent event = hugeEvent();

    byte[] json = serializer.serialize(event);

    assertThat(json.length).isLessThanOrEqualTo(1_048_576);
    EventSchema.assertValid(json);
    JsonObject e = parse(json);
    assertThat(e.get("event_id").getAsString()).isEqualTo(TestEvents.EVENT_ID.toString());
    assertThat(e.get("timestamp").getAsString()).isEqualTo("2026-11-24T10:15:30.123Z");
    assertThat(e.get("platform").getAsString()).isEqualTo("java");
    JsonArray values = e.getAsJsonObject("exception").getAsJsonArray("values");
    assertThat(values.get(values.size() - 1).getAsJsonObject().get("type").getAsString())
        .isEqualTo("RuntimeException");
    assertThat(e.getAsJsonObject("contexts").has("trace")).isTrue();
  }

  @Test
  void hugeEventIsFirstPlacedWellOverTheLimit() {
    // Guards the test above: it proves nothing if the event was small to begin with.
    SentryEvent event = hugeEvent();

    byte[] json = serializer.serialize(event, Integer.MAX_VALUE);

    assertThat(json.length).isGreaterThan(3_000_000);
  }

  @Test
  void tooManyBreadcrumbsCostOnlyTheOldestBreadcrumbs() {
    SentryEvent event = TestEvents.rich();
    List<Breadcrumb> crumbs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      crumbs.add(Breadcrumb.builder().message(i + " " + "b".repeat(1024)).build());
    }
    event.setBreadcrumbs(crumbs);

    byte[] json = serializer.serialize(event);

    JsonObject e = parse(json);
    JsonArray values = e.getAsJsonObject("breadcrumbs").getAsJsonArray("values");
    assertThat(values).hasSize(10);
    assertThat(values.get(0).getAsJsonObject().get("message").getAsString()).startsWith("1990 ");
    assertThat(values.get(9).getAsJsonObject().get("message").getAsString()).startsWith("1999 ");
    assertThat(e.has("extra")).isTrue();
    assertThat(e.has("threads")).isTrue();
    EventSchema.assertValid(json);
  }

  @Test
  void deepStacksKeepBothEndsWhenCut() {
    SentryEvent event = new SentryEvent(TestEvents.EVENT_ID, TestEvents.TIMESTAMP);
    SentryException x = TestEvents.exception("StackOverflowError", "deep", TestEvents.frames(5000));
    event.setExceptions(List.of(x));
    event.setExtra(Map.of("big", "x".repeat(200_000)));

    byte[] json = serializer.serialize(event, 100_000);

    assertThat(json.length).isLessThanOrEqualTo(100_000);
    JsonArray frames =
        parse(json)
            .getAsJsonObject("exception")
            .getAsJsonArray("values")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("stacktrace")
            .getAsJsonArray("frames");
    assertThat(frames.size()).isLessThan(5000);
    assertThat(frames.get(0).getAsJsonObject().get("function").getAsString()).isEqualTo("f0");
    assertThat(frames.get(frames.size() - 1).getAsJsonObject().get("function").getAsString())
        .isEqualTo("f4999");
    EventSchema.assertValid(json);
  }

  @Test
  void evenTheSmallestLimitGivesAValidEventWithTheMainExceptionType() {
    SentryEvent event = hugeEvent();
    String hostile = "\u0001".repeat(10_000);
    event.setRelease(hostile);
    event.setTransaction(hostile);
    event.getExceptions().get(event.getExceptions().size() - 1).setValue(hostile);

    byte[] json = serializer.serialize(event, EventSerializer.MIN_LIMIT_BYTES);

    assertThat(json.length).isLessThanOrEqualTo(EventSerializer.MIN_LIMIT_BYTES);
    EventSchema.assertValid(json);
    JsonArray values = parse(json).getAsJsonObject("exception").getAsJsonArray("values");
    assertThat(values.get(values.size() - 1).getAsJsonObject().get("type").getAsString())
        .isEqualTo("RuntimeException");
  }

  @Test
  void limitsBelowTheMinimumAreRejected() {
    SentryEvent event = new SentryEvent(TestEvents.EVENT_ID, TestEvents.TIMESTAMP);

    assertThatThrownBy(() -> serializer.serialize(event, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBytes");
  }

  @Test
  void lazilyBuiltExceptionsAreSerialized() {
    SentryEvent event = new SentryEvent(TestEvents.EVENT_ID, TestEvents.TIMESTAMP);
    event.setExceptionSupplier(TestEvents::chain);

    JsonObject e = parse(serializer.serialize(event));

    assertThat(e.getAsJsonObject("exception").getAsJsonArray("values")).hasSize(2);
  }

  /** Over 5 MB: many big breadcrumbs, extras, a long message and a deep stack. */
  static SentryEvent hugeEvent() {
    SentryEvent event = TestEvents.rich();
    String kb = "y".repeat(1024);
    List<Breadcrumb> crumbs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      crumbs.add(Breadcrumb.builder().message("crumb " + i + kb).data("blob", kb + kb).build());
    }
    event.setBreadcrumbs(crumbs);
    Map<String, Object> extra = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      extra.put("e" + i, Collections.nCopies(20, kb));
    }
    event.setExtra(extra);
    Message m = new Message();
    m.setFormatted("z".repeat(1_000_000));
    m.setMessage("w".repeat(1_000_000));
    event.setMessage(m);
    List<SentryException> chain = event.getExceptions();
    chain.get(chain.size() - 1).setValue("v".repeat(1_000_000));
    chain.get(0).getStacktrace().setFrames(TestEvents.frames(5000));
    return event;
  }

  static JsonObject parse(byte[] json) {
    return JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
  }

  static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static final class ThrowingToString {
    @Override
    public String toString() {
      throw new IllegalStateException("no");
    }
  }
}

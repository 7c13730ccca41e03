package io.sentryj.internal.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextScrubberTest {
  private final TextScrubber text = new TextScrubber(SensitiveKeys.DEFAULT);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "payment failed for card 4111 1111 1111 1111 today|payment failed for card [Filtered] today",
        "card=4111111111111111&x=1|card=[Filtered]&x=1",
        "amex 3782-822463-10005.|amex [Filtered].",
        "5500000000000004|[Filtered]",
      })
  void cardNumbersThatPassTheLuhnCheckAreFiltered(String in, String out) {
    assertThat(text.scrub(in)).isEqualTo(out);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4111 1111 1111 1112 fails Luhn",
        "sent at 1795515330123 ms", // epoch milliseconds: 13 digits, but no card starts with 1
        "order 1234 could not be shipped",
        "id a4111111111111111 glued to letters",
        "2026-11-24 10:15:30",
      })
  void numbersThatAreNoCardNumbersAreKept(String in) {
    assertThat(text.scrub(in)).isSameAs(in);
  }

  @Test
  void theTokenAfterBearerIsFilteredAndTheWordKept() {
    assertThat(text.scrub("Authorization: Bearer abc.def-ghi, then"))
        .isEqualTo("Authorization: Bearer [Filtered], then");
    assertThat(text.scrub("bearer   xyz-123-abc")).isEqualTo("bearer   [Filtered]");
    assertThat(text.scrub("the bearer of bad news")).isEqualTo("the bearer of bad news");
  }

  @Test
  void jsonWebTokensAreFilteredWherever() {
    String jwt =
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    assertThat(text.scrub("token " + jwt + " rejected")).isEqualTo("token [Filtered] rejected");
    assertThat(text.scrub("x" + jwt)).isEqualTo("x" + jwt); // part of a longer word
  }

  @Test
  void pemPrivateKeysAreFilteredWholeAndToTheEndWhenCut() {
    String key =
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\nabc\n-----END RSA PRIVATE KEY-----";
    assertThat(text.scrub("key: " + key + "\nnext")).isEqualTo("key: [Filtered]\nnext");
    assertThat(text.scrub("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN")).isEqualTo("[Filtered]");
    String publicKey = "-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----";
    assertThat(text.scrub(publicKey)).isSameAs(publicKey);
  }

  @Test
  void credentialsInUrlsAreFilteredAndTheHostKept() {
    assertThat(text.scrub("cannot reach https://admin:hunter2@db.example.com:5432/x"))
        .isEqualTo("cannot reach https://[Filtered]@db.example.com:5432/x");
    assertThat(text.scrub("jdbc:postgresql://app:pw@db/orders"))
        .isEqualTo("jdbc:postgresql://[Filtered]@db/orders");
    assertThat(text.scrub("https://example.com/a@b")).isEqualTo("https://example.com/a@b");
  }

  @Test
  void valuesOfSensitiveKeysInKeyValueTextAreFiltered() {
    assertThat(text.scrub("https://shop.example/login?user=ann&password=hunter2&next=/"))
        .isEqualTo("https://shop.example/login?user=ann&password=[Filtered]&next=/");
    assertThat(text.scrub("retry with api_key=k-123 failed"))
        .isEqualTo("retry with api_key=[Filtered] failed");
    assertThat(text.scrub("{\"user\":\"ann\",\"password\":\"hu\\\"nter2\",\"n\":1}"))
        .isEqualTo("{\"user\":\"ann\",\"password\":\"[Filtered]\",\"n\":1}");
    assertThat(text.scrub("{\"cvv\": 123}")).isEqualTo("{\"cvv\": [Filtered]}");
  }

  @Test
  void placeholdersOfAMessageTemplateAreNoSecrets() {
    String template = "login {} with password={} and token=%s";
    assertThat(text.scrub(template)).isSameAs(template);
  }

  @Test
  void textWithoutSecretsIsTheSameInstance() {
    String plain = "checkout failed for order 1234: HTTP 503 from payments (10:15:30)";
    assertThat(text.scrub(plain)).isSameAs(plain);
  }

  @Test
  void scrubbingTwiceChangesNothingMore() {
    String once = text.scrub("password=x Bearer yyyyyyyy https://a:b@h 4111111111111111");
    assertThat(text.scrub(once)).isEqualTo(once);
    assertThat(once).doesNotContain("x ", "yyyy", "a:b", "4111");
  }

  @Test
  void scrubFieldsAddKeysAndSafeFieldsExemptThem() {
    TextScrubber custom =
        new TextScrubber(
            new SensitiveKeys(Collections.singletonList("pin"), Arrays.asList("session_count")));
    assertThat(custom.scrub("card_pin=1234&session_count=3&session=abc"))
        .isEqualTo("card_pin=[Filtered]&session_count=3&session=[Filtered]");
  }
}

package io.sentryj.internal.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScrubberTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "Password",
        "user_password",
        "X-Api-Key",
        "apiKey",
        "api_key",
        "Authorization",
        "Proxy-Authorization",
        "Cookie",
        "Set-Cookie",
        "JSESSIONID",
        "session_id",
        "X-CSRF-Token",
        "X-XSRF-Token",
        "access_token",
        "refreshToken",
        "client_secret",
        "credit_card",
        "card-number",
        "cvv",
        "aws.secretAccessKey"
      })
  void sensitiveKeysAreRecognisedWhateverTheirSpelling(String key) {
    assertThat(Scrubber.isSensitiveKey(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"user", "order_id", "Accept", "Content-Type", "page", "q", ""})
  void ordinaryKeysAreKept(String key) {
    assertThat(Scrubber.isSensitiveKey(key)).isFalse();
  }

  @Test
  void nullKeyIsNotSensitive() {
    assertThat(Scrubber.isSensitiveKey(null)).isFalse();
  }

  @Test
  void cardNumbersPassingLuhnAreRecognised() {
    assertThat(Scrubber.looksLikeCardNumber("4111111111111111")).isTrue();
    assertThat(Scrubber.looksLikeCardNumber("4111 1111 1111 1111")).isTrue();
    assertThat(Scrubber.looksLikeCardNumber("5500-0000-0000-0004")).isTrue();
    assertThat(Scrubber.looksLikeCardNumber("4111111111111112")).isFalse(); // fails Luhn
    assertThat(Scrubber.looksLikeCardNumber("12345")).isFalse();
    assertThat(Scrubber.looksLikeCardNumber("order 4111111111111111")).isFalse();
    assertThat(Scrubber.looksLikeCardNumber(null)).isFalse();
  }

  @Test
  void queryStringKeepsOrderAndNamesAndScrubsValues() {
    assertThat(Scrubber.scrubQueryString("page=2&password=hunter2&q=shoes&api_key=abc"))
        .isEqualTo("page=2&password=[Filtered]&q=shoes&api_key=[Filtered]");
    assertThat(Scrubber.scrubQueryString("card=4111%201111%201111%201111&flag&x="))
        .isEqualTo("card=[Filtered]&flag&x=");
    assertThat(Scrubber.scrubQueryString("pass%77ord=x")).isEqualTo("pass%77ord=[Filtered]");
    assertThat(Scrubber.scrubQueryString("")).isEmpty();
  }

  @Test
  void scrubValueFiltersBySensitiveKeyOrCardNumber() {
    assertThat(Scrubber.scrubValue("token", "abc")).isEqualTo(Scrubber.FILTERED);
    assertThat(Scrubber.scrubValue("note", "4111111111111111")).isEqualTo(Scrubber.FILTERED);
    assertThat(Scrubber.scrubValue("note", "hello")).isEqualTo("hello");
  }

  @Test
  void normalizationDropsSeparatorsAndCase() {
    assertThat(Scrubber.normalizedForTest("X-Api_Key.Id")).isEqualTo("xapikeyid");
  }
}

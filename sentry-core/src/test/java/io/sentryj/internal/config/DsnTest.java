package io.sentryj.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DsnTest {
  private static final String SECRET = "s3cr3tValue";

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // dsn | scheme | key | secret | host | port | path | project
        "https://abc@o1.ingest.sentry.io/42 | https | abc | null | o1.ingest.sentry.io | -1 | '' | 42",
        "http://abc:def@localhost:9000/7 | http | abc | def | localhost | 9000 | '' | 7",
        "https://abc@example.com/sentry/prefix/3 | https | abc | null | example.com | -1 | /sentry/prefix | 3",
        "HTTPS://abc@example.com:443/a/3/ | https | abc | null | example.com | 443 | /a | 3",
        "http://abc@[::1]:9000/5 | http | abc | null | [::1] | 9000 | '' | 5",
        "http://abc@[2001:db8::7]/5 | http | abc | null | [2001:db8::7] | -1 | '' | 5",
        "'  https://abc:@host/1  ' | https | abc | null | host | -1 | '' | 1",
        "https://abc@host/my-project | https | abc | null | host | -1 | '' | my-project",
      })
  void parsesEveryPart(
      String text,
      String scheme,
      String publicKey,
      String secret,
      String host,
      int port,
      String path,
      String projectId) {
    Dsn dsn = Dsn.parse(text);

    assertThat(dsn.scheme()).isEqualTo(scheme);
    assertThat(dsn.publicKey()).isEqualTo(publicKey);
    assertThat(dsn.secretKey()).isEqualTo(secret);
    assertThat(dsn.host()).isEqualTo(host);
    assertThat(dsn.port()).isEqualTo(port);
    assertThat(dsn.path()).isEqualTo(path);
    assertThat(dsn.projectId()).isEqualTo(projectId);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://abc@o1.ingest.sentry.io/42 | https://o1.ingest.sentry.io/api/42/envelope/",
        "http://abc:def@localhost:9000/7 | http://localhost:9000/api/7/envelope/",
        "https://abc@example.com/sentry/3 | https://example.com/sentry/api/3/envelope/",
        "http://abc@[::1]:9000/5 | http://[::1]:9000/api/5/envelope/",
      })
  void envelopeUrlKeepsPortAndPathPrefix(String text, String url) {
    assertThat(Dsn.parse(text).envelopeUrl()).isEqualTo(url);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "https://abc@o447951.ingest.sentry.io/1 | 447951",
        "https://abc@o12.ingest.us.sentry.io/1 | 12",
        "https://abc@O12.INGEST.DE.SENTRY.IO/1 | 12",
        "https://abc@sentry.example.com/1 | null",
        "https://abc@o12.ingest.sentry.io.evil.com/1 | null",
        "https://abc@ox.ingest.sentry.io/1 | null",
        "https://abc@sentry.io/1 | null",
      })
  void orgIdComesOnlyFromSaasIngestHosts(String text, String orgId) {
    assertThat(Dsn.parse(text).orgId()).isEqualTo(orgId);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | empty",
        "not a dsn | white space",
        "abc@host/1 | not a URL",
        "ftp://abc@host/1 | scheme must be http or https, was \"ftp\"",
        "https://host/1 | public key is missing",
        "https://@host/1 | public key is missing",
        "https://abc@host | project id is missing",
        "https://abc@host/ | project id is missing",
        "https://abc@/1 | host is missing",
        "https://abc@host:0/1 | port must be a number from 1 to 65535",
        "https://abc@host:99999/1 | port must be a number from 1 to 65535",
        "https://abc@host:x/1 | port must be a number from 1 to 65535",
        "https://abc@::1/1 | host is missing or malformed",
        "https://abc@[::1/1 | no closing ']'",
        "https://abc@host/a//1 | empty segment",
        "https://abc@host/1?x=y | no query or fragment",
      })
  void rejectsWhatIsNotADsnSayingWhy(String text, String reason) {
    assertThatThrownBy(() -> Dsn.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid DSN \"")
        .hasMessageContaining(reason);
    assertThat(Dsn.problem(text)).contains(reason);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "https://abc:" + SECRET + "@host", // no project
        "ftp://abc:" + SECRET + "@host/1", // bad scheme
        "https://abc:" + SECRET + "@host:http/1", // bad port
        "https://abc:" + SECRET + "@/1", // no host
        "https://abc:" + SECRET + "/x@host/1", // '/' in the secret
        "https://abc:" + SECRET + "@host/1#frag", // fragment
        "abc:" + SECRET + "@host/1", // no scheme
        "https://abc:" + SECRET + "@host/1 trailing", // white space
        "https:" + SECRET + "@host/1", // malformed scheme separator
      })
  void errorsNeverShowTheSecret(String text) {
    assertThatThrownBy(() -> Dsn.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain(SECRET);
    assertThat(Dsn.problem(text)).isNotNull().doesNotContain(SECRET);
  }

  @Test
  void toStringMasksTheSecret() {
    Dsn dsn = Dsn.parse("https://abc:" + SECRET + "@host:8443/p/42");

    assertThat(dsn.toString()).isEqualTo("https://abc:***@host:8443/p/42").doesNotContain(SECRET);
    assertThat(dsn.secretKey()).isEqualTo(SECRET);
  }

  @Test
  void toStringOfADsnWithoutSecretIsTheDsn() {
    assertThat(Dsn.parse("https://abc@host/42")).hasToString("https://abc@host/42");
  }

  @Test
  void maskHidesTheSecretOfAnyText() {
    assertThat(Dsn.mask("https://abc:" + SECRET + "@host/1")).isEqualTo("https://abc:***@host/1");
    assertThat(Dsn.mask("https://abc@host:9000/1")).isEqualTo("https://abc@host:9000/1");
    assertThat(Dsn.mask("garbage")).isEqualTo("garbage");
  }

  @Test
  void hashIsShortStableHexAndIndependentOfTheSecret() {
    String hash = Dsn.parse("https://abc@host/42").hash();

    assertThat(hash).matches("[0-9a-f]{16}");
    assertThat(Dsn.parse(" https://abc@host/42 ").hash()).isEqualTo(hash);
    assertThat(Dsn.parse("https://abc:" + SECRET + "@host/42").hash()).isEqualTo(hash);
    assertThat(Dsn.parse("https://abc@host/43").hash()).isNotEqualTo(hash);
    assertThat(Dsn.parse("https://abd@host/42").hash()).isNotEqualTo(hash);
  }

  @Test
  void hashIsTheSameInEveryRun() {
    // folders named by it must survive restarts: pin the algorithm (SHA-256 of the DSN sans secret)
    assertThat(Dsn.parse("https://abc@host/42").hash())
        .isEqualTo(sha256Prefix("https://abc@host/42"));
  }

  @Test
  void equalDsnsAreEqual() {
    assertThat(Dsn.parse("https://abc@host/42"))
        .isEqualTo(Dsn.parse("HTTPS://abc@host/42/"))
        .hasSameHashCodeAs(Dsn.parse("https://abc@host/42"))
        .isNotEqualTo(Dsn.parse("https://abc:x@host/42"));
  }

  private static String sha256Prefix(String text) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}

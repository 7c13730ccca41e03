package io.sentryj.internal.config;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Parses DSN text by hand rather than with {@link java.net.URI}, whose error messages quote the
 * whole input, secret key included. Every failure is an {@link IllegalArgumentException} whose
 * message says only what is wrong and never quotes the user info.
 */
final class DsnParser {
  private DsnParser() {}

  static Dsn parse(String dsn) {
    if (dsn.isEmpty()) {
      throw new IllegalArgumentException("it is empty");
    }
    for (int i = 0; i < dsn.length(); i++) {
      char c = dsn.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        throw new IllegalArgumentException("it contains white space or a control character");
      }
    }
    int schemeEnd = dsn.indexOf("://");
    if (schemeEnd < 0) {
      throw new IllegalArgumentException("it is not a URL ({PROTO}://{PUBLIC_KEY}@{HOST}/{ID})");
    }
    String scheme = scheme(dsn.substring(0, schemeEnd));
    String rest = dsn.substring(schemeEnd + 3);
    if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
      throw new IllegalArgumentException("it must have no query or fragment");
    }
    // the last '@' ends the user info, so a stray '/' in a secret cannot leak into the host
    int at = rest.lastIndexOf('@');
    if (at < 0) {
      throw new IllegalArgumentException(
          "the public key is missing (expected KEY@ before the host)");
    }
    String userInfo = rest.substring(0, at);
    String hostAndPath = rest.substring(at + 1);
    int slash = hostAndPath.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("the project id is missing (expected /ID after the host)");
    }
    HostPort hostPort = hostPort(hostAndPath.substring(0, slash));
    String pathAndProject = stripTrailingSlash(hostAndPath.substring(slash));
    int lastSlash = pathAndProject.lastIndexOf('/');
    String projectId = pathAndProject.substring(lastSlash + 1);
    if (projectId.isEmpty()) {
      throw new IllegalArgumentException("the project id is missing (expected /ID after the host)");
    }
    String path = pathAndProject.substring(0, lastSlash);
    if (path.contains("//") || path.endsWith("/")) {
      throw new IllegalArgumentException("the path has an empty segment");
    }
    return userInfo(scheme, userInfo, hostPort, path, projectId);
  }

  private static String scheme(String text) {
    String scheme = text.toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      // echo only what looks like a scheme: garbage before "://" may hold a key
      String shown = text.matches("[A-Za-z][A-Za-z0-9+.-]{0,19}") ? "\"" + text + "\"" : "not one";
      throw new IllegalArgumentException("the scheme must be http or https, was " + shown);
    }
    return scheme;
  }

  private static Dsn userInfo(
      String scheme, String userInfo, HostPort hostPort, String path, String projectId) {
    int colon = userInfo.indexOf(':');
    String publicKey = colon < 0 ? userInfo : userInfo.substring(0, colon);
    @Nullable String secret = colon < 0 ? null : userInfo.substring(colon + 1);
    if (publicKey.isEmpty()) {
      throw new IllegalArgumentException(
          "the public key is missing (expected KEY@ before the host)");
    }
    if (userInfo.indexOf('/') >= 0 || userInfo.indexOf('@') >= 0) {
      throw new IllegalArgumentException("the keys before the host hold '/' or '@'");
    }
    if (secret != null && secret.isEmpty()) {
      secret = null; // "key:@host" says no more than "key@host"
    }
    return Dsn.of(scheme, publicKey, secret, hostPort.host, hostPort.port, path, projectId);
  }

  private static HostPort hostPort(String text) {
    String host;
    String portText;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("the IPv6 host has no closing ']'");
      }
      host = text.substring(0, close + 1);
      String after = text.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        throw new IllegalArgumentException("unexpected text after the IPv6 host");
      }
      portText = after.isEmpty() ? null : after.substring(1);
    } else {
      int colon = text.lastIndexOf(':');
      host = colon < 0 ? text : text.substring(0, colon);
      portText = colon < 0 ? null : text.substring(colon + 1);
    }
    boolean bracketed = host.startsWith("[");
    // an IPv6 address needs its brackets, or its colons would read as a port
    if (host.isEmpty() || host.equals("[]") || (!bracketed && host.indexOf(':') >= 0)) {
      throw new IllegalArgumentException("the host is missing or malformed");
    }
    return new HostPort(host, portText == null ? -1 : port(portText));
  }

  private static int port(String text) {
    int port = -1;
    if (!text.isEmpty() && text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      port = Integer.parseInt(text);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "the port must be a number from 1 to 65535, was \"" + shorten(text) + "\"");
    }
    return port;
  }

  private static String stripTrailingSlash(String path) {
    // the official SDKs accept "https://key@host/42/" as well
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static String shorten(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "...";
  }

  /** A host and its port, -1 when absent. */
  private static final class HostPort {
    final String host;
    final int port;

    HostPort(String host, int port) {
      this.host = host;
      this.port = port;
    }

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }
}

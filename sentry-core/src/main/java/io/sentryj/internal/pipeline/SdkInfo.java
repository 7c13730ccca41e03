package io.sentryj.internal.pipeline;

import io.sentryj.protocol.SdkVersion;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's name and version as sent in every event and in the auth header. */
public final class SdkInfo {
  /** The SDK name: ecosystem {@code java}, our own entity {@code sentryj} (protocol section 3). */
  public static final String NAME = "sentryj.java";

  /** The version of this build, from the jar's resources. */
  public static final String VERSION = readVersion();

  private SdkInfo() {}

  private static String readVersion() {
    try (InputStream in =
        SdkInfo.class.getResourceAsStream("/io/sentryj/sentryj-version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isEmpty() && !v.startsWith("$")) {
          return v;
        }
      }
    } catch (Exception ignored) {
      // fall through to the placeholder
    }
    return "0.0.0";
  }

  /** A new SDK description naming the given integrations. */
  public static SdkVersion sdkVersion(java.util.List<String> integrations) {
    SdkVersion sdk = new SdkVersion(NAME, VERSION);
    sdk.setIntegrations(integrations);
    sdk.getPackages().add(new SdkVersion.Package("maven:io.sentryj:sentry-core", VERSION));
    return sdk;
  }
}

package io.sentryj.protocol;

import java.util.ArrayList;
import java.util.List;

/** The SDK that made an event (protocol section 3, {@code sdk}). */
public final class SdkVersion {
  private String name;
  private String version;
  private List<String> integrations = new ArrayList<>();
  private List<Package> packages = new ArrayList<>();

  public SdkVersion(String name, String version) {
    this.name = name;
    this.version = version;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public List<String> getIntegrations() {
    return integrations;
  }

  public void setIntegrations(List<String> integrations) {
    this.integrations = new ArrayList<>(integrations);
  }

  public List<Package> getPackages() {
    return packages;
  }

  public void setPackages(List<Package> packages) {
    this.packages = new ArrayList<>(packages);
  }

  @Override
  public String toString() {
    return name + "/" + version;
  }

  /** A package the SDK is made of, named {@code maven:group:artifact}. */
  public static final class Package {
    private final String name;
    private final String version;

    public Package(String name, String version) {
      this.name = name;
      this.version = version;
    }

    public String getName() {
      return name;
    }

    public String getVersion() {
      return version;
    }

    @Override
    public String toString() {
      return name + ":" + version;
    }
  }
}

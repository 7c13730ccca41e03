package io.sentryj;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The user an event happened for (protocol section 3, {@code user}). Immutable; make one with
 * {@link #builder()}.
 */
public final class User {
  private final @Nullable String id;
  private final @Nullable String username;
  private final @Nullable String email;
  private final @Nullable String ipAddress;
  private final Map<String, String> data;

  private User(Builder b) {
    this.id = b.id;
    this.username = b.username;
    this.email = b.email;
    this.ipAddress = b.ipAddress;
    this.data =
        b.data.isEmpty()
            ? Collections.<String, String>emptyMap()
            : Collections.unmodifiableMap(new LinkedHashMap<>(b.data));
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this user's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.username = username;
    b.email = email;
    b.ipAddress = ipAddress;
    b.data.putAll(data);
    return b;
  }

  /** The application's id of the user. */
  public @Nullable String id() {
    return id;
  }

  /** The user name. */
  public @Nullable String username() {
    return username;
  }

  /** The e-mail address. */
  public @Nullable String email() {
    return email;
  }

  /** The IP address, or {@code {{auto}}} to let the server fill it in. */
  public @Nullable String ipAddress() {
    return ipAddress;
  }

  /** Further keys sent with the user, never null. */
  public Map<String, String> data() {
    return data;
  }

  @Override
  public String toString() {
    return "User{id=" + id + ", username=" + username + '}';
  }

  /** Builds a {@link User}. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String username;
    private @Nullable String email;
    private @Nullable String ipAddress;
    private final Map<String, String> data = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the id. */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /** Sets the user name. */
    public Builder username(@Nullable String username) {
      this.username = username;
      return this;
    }

    /** Sets the e-mail address. */
    public Builder email(@Nullable String email) {
      this.email = email;
      return this;
    }

    /** Sets the IP address. */
    public Builder ipAddress(@Nullable String ipAddress) {
      this.ipAddress = ipAddress;
      return this;
    }

    /** Adds a further key. */
    public Builder data(String key, String value) {
      data.put(key, value);
      return this;
    }

    /** Builds the user. */
    public User build() {
      return new User(this);
    }
  }
}

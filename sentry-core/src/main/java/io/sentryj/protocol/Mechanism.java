package io.sentryj.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How an exception was caught (protocol section 3, {@code exception.mechanism}). */
public final class Mechanism {
  private String type;
  private @Nullable Boolean handled;
  private @Nullable Boolean synthetic;
  private @Nullable String description;
  private @Nullable Integer exceptionId;
  private @Nullable Integer parentId;
  private @Nullable String source;
  private @Nullable Boolean exceptionGroup;
  private @Nullable Map<String, Object> data;

  /** A mechanism of the given type, for example {@code generic} or {@code auto.http.servlet}. */
  public Mechanism(String type) {
    this.type = type;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public @Nullable Boolean getHandled() {
    return handled;
  }

  public void setHandled(@Nullable Boolean handled) {
    this.handled = handled;
  }

  public @Nullable Boolean getSynthetic() {
    return synthetic;
  }

  public void setSynthetic(@Nullable Boolean synthetic) {
    this.synthetic = synthetic;
  }

  public @Nullable String getDescription() {
    return description;
  }

  public void setDescription(@Nullable String description) {
    this.description = description;
  }

  /** The id of this exception in the chain: 0 for the thrown exception (the last in the list). */
  public @Nullable Integer getExceptionId() {
    return exceptionId;
  }

  public void setExceptionId(@Nullable Integer exceptionId) {
    this.exceptionId = exceptionId;
  }

  /** The {@link #getExceptionId() id} of the exception this one is the cause or suppressed of. */
  public @Nullable Integer getParentId() {
    return parentId;
  }

  public void setParentId(@Nullable Integer parentId) {
    this.parentId = parentId;
  }

  /** Where in the parent this exception sits: {@code cause} or {@code suppressed[0]}, ... */
  public @Nullable String getSource() {
    return source;
  }

  public void setSource(@Nullable String source) {
    this.source = source;
  }

  public @Nullable Boolean getExceptionGroup() {
    return exceptionGroup;
  }

  public void setExceptionGroup(@Nullable Boolean exceptionGroup) {
    this.exceptionGroup = exceptionGroup;
  }

  public @Nullable Map<String, Object> getData() {
    return data;
  }

  public void setData(@Nullable Map<String, Object> data) {
    this.data = data == null ? null : new LinkedHashMap<>(data);
  }

  @Override
  public String toString() {
    return "Mechanism{" + type + ", handled=" + handled + '}';
  }
}

package io.sentryj;

import java.io.File;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A file sent in the same envelope as an event (protocol section 10). Either holds bytes or names a
 * file that is read when the envelope is written; an unreadable file drops only that attachment.
 */
public final class Attachment {
  /** The default attachment type. */
  public static final String DEFAULT_ATTACHMENT_TYPE = "event.attachment";

  private final byte @Nullable [] bytes;
  private final @Nullable File file;
  private final String filename;
  private final String contentType;
  private final String attachmentType;

  private Attachment(
      byte @Nullable [] bytes,
      @Nullable File file,
      String filename,
      @Nullable String contentType,
      @Nullable String attachmentType) {
    this.bytes = bytes;
    this.file = file;
    this.filename = filename;
    this.contentType = contentType != null ? contentType : "application/octet-stream";
    this.attachmentType = attachmentType != null ? attachmentType : DEFAULT_ATTACHMENT_TYPE;
  }

  /** An attachment with the given content. The array is copied. */
  public static Attachment fromBytes(byte[] bytes, String filename, @Nullable String contentType) {
    return new Attachment(
        Arrays.copyOf(bytes, bytes.length), null, baseName(filename), contentType, null);
  }

  /** An attachment read from a file when the event is sent. */
  public static Attachment fromFile(File file, @Nullable String contentType) {
    return new Attachment(null, file, file.getName(), contentType, null);
  }

  /** A copy of this attachment with another attachment type, for example {@code event.minidump}. */
  public Attachment withAttachmentType(String attachmentType) {
    return new Attachment(bytes, file, filename, contentType, attachmentType);
  }

  private static String baseName(String filename) {
    int slash = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
    return slash >= 0 ? filename.substring(slash + 1) : filename;
  }

  /** The content, or null when the attachment is a file. Not copied: do not change it. */
  @SuppressWarnings("mutable") // documented: callers must not change the array
  public byte @Nullable [] bytes() {
    return bytes;
  }

  /** The file, or null when the attachment holds bytes. */
  public @Nullable File file() {
    return file;
  }

  /** The file name, without any path. */
  public String filename() {
    return filename;
  }

  /** The content type, {@code application/octet-stream} by default. */
  public String contentType() {
    return contentType;
  }

  /** The attachment type, {@code event.attachment} by default. */
  public String attachmentType() {
    return attachmentType;
  }

  /** The size in bytes: the array's length, or the file's length at this moment. */
  public long size() {
    byte[] b = bytes;
    if (b != null) {
      return b.length;
    }
    File f = file;
    return f != null ? f.length() : 0L;
  }

  @Override
  public String toString() {
    return "Attachment{" + filename + ", " + contentType + '}';
  }
}

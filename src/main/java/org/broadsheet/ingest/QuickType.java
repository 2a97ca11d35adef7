package org.broadsheet.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The two kinds of file a news archive is mostly made of, told from their first bytes without
 * running Tika's detector (every one of its magic patterns, and an XML parse of anything that
 * starts with {@code <}: profiled at a third of the CPU of ingest without extraction on short
 * wire stories). Only where the answer is the one Tika's detector gives, as read in its
 * {@code tika-mimetypes.xml}; anything else returns null and is detected by Tika as before:
 * <ul>
 *   <li>{@code text/html}: a page that begins with {@code <!DOCTYPE html} or {@code <html}
 *       (after a UTF-8 byte-order mark and blanks) and has no XML declaration or XHTML namespace
 *       in its first 8 KB (those may be XHTML);</li>
 *   <li>{@code text/plain}: a file named as text ({@code .txt}, {@code .text}) that is not RTF,
 *       does not begin like an e-mail or news message header and has no "Message-ID:" line in its
 *       first kilobyte (Tika's {@code message/rfc822} patterns), and has none of the markup Tika's
 *       HTML and XHTML patterns look for past the start: {@code <html} anywhere in its first 8 KB,
 *       {@code <!doctype html}, {@code <head} or {@code <title} in its first 64 bytes (taken here
 *       as 256, and regardless of case). Other angle brackets are text: wire copy writes its
 *       tickers so ("Standard Oil &lt;SRD&gt;"). It is plain text only if it also decodes as text;
 *       the caller decides that.</li>
 * </ul>
 */
final class QuickType {
  static final String HTML = "text/html";
  static final String PLAIN = "text/plain";

  /** As far as Tika's HTML, XHTML and e-mail patterns look. */
  private static final int WINDOW = 8192;
  /** A first line that starts as a header field does ("Date:", "X-Mailer:", "Message-ID:"). */
  private static final Pattern HEADER = Pattern.compile("^[!-9;-~]+:");
  private static final String[] MESSAGE_STARTS = {"#! rnews", "N#! rnews", "Forward to", "Pipe to", "X-", "DKIM-", "ARC-"};

  private QuickType() {
  }

  /** {@link #HTML}, {@link #PLAIN} (if it decodes), or null: let Tika detect it. */
  static String of(byte[] bytes, boolean namedAsText) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    if (bytes.length > 1 && ((bytes[0] & 0xff) == 0xfe || (bytes[0] & 0xff) == 0xff)) {
      return null; // a UTF-16 or UTF-32 byte-order mark: Tika's
    }
    while (start < bytes.length && isBlank(bytes[start])) {
      start++;
    }
    if (start > 64) {
      return null; // past where Tika's patterns look for a page's start
    }
    String head = new String(bytes, start, Math.min(bytes.length - start, WINDOW), StandardCharsets.ISO_8859_1);
    if (head.isEmpty()) {
      return null;
    }
    if (head.charAt(0) == '<') {
      String lower = head.toLowerCase(Locale.ROOT);
      boolean html = lower.startsWith("<!doctype html") || lower.startsWith("<html");
      return html && !lower.contains("<?xml") && !lower.contains("xmlns") ? HTML : null;
    }
    if (!namedAsText || head.startsWith("{\\rtf")) {
      return null;
    }
    for (String s : MESSAGE_STARTS) {
      if (head.startsWith(s)) {
        return null;
      }
    }
    if (HEADER.matcher(head).find()) {
      return null;
    }
    String lower = head.toLowerCase(Locale.ROOT);
    return mayBeMarkup(lower) || lower.substring(0, Math.min(lower.length(), 1_024)).contains("\nmessage-id:") ? null
        : PLAIN;
  }

  /** What Tika's HTML and XHTML patterns look for in a file that does not start with markup. */
  private static boolean mayBeMarkup(String lower) {
    if (lower.indexOf('<') < 0) {
      return false;
    }
    if (lower.contains("<html")) {
      return true;
    }
    String start = lower.substring(0, Math.min(lower.length(), 256));
    return start.contains("<!doctype html") || start.contains("<head") || start.contains("<title");
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
  }
}

package org.broadsheet.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the raw markup of an HTML page says that Tika's metadata lacks: a JSON-LD or microdata
 * {@code datePublished}, and the root element's {@code lang}. Every quantifier is bounded and
 * the patterns run over an {@link InterruptibleCharSequence}: a page of a hundred thousand
 * "{@code <html }" without a "{@code >}" costs a linear scan, not minutes.
 */
final class HtmlHead {
  /** Characters of a tag between {@code itemprop} and its value: real tags put them close. */
  private static final int TAG_SPAN = 300;
  private static final Pattern JSON_LD_PUBLISHED =
      Pattern.compile("\"datePublished\"\\s{0,20}:\\s{0,20}\"([^\"]{4,40})\"");
  private static final Pattern ITEMPROP_PUBLISHED = Pattern.compile(
      "itemprop=[\"']datePublished[\"'][^>]{0," + TAG_SPAN + "}?(?:content|datetime)=[\"']([^\"']{4,40})[\"']"
          + "|(?:content|datetime)=[\"']([^\"']{4,40})[\"'][^>]{0," + TAG_SPAN + "}?itemprop=[\"']datePublished[\"']",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_TAG = Pattern.compile("<html\\b", Pattern.CASE_INSENSITIVE);
  /** The {@code lang} attribute in the root element's start tag (which {@link #lang} cuts to at most this long). */
  private static final int ROOT_TAG_CHARS = 2_000;
  private static final Pattern LANG =
      Pattern.compile("\\blang\\s{0,3}=\\s{0,3}[\"']?([A-Za-z]{2,3})\\b", Pattern.CASE_INSENSITIVE);

  private final CharSequence head;

  /** @param head the start of the page's markup, decoded */
  HtmlHead(String head) {
    this.head = new InterruptibleCharSequence(head);
  }

  /** The {@code datePublished} of JSON-LD, else of microdata, as written; or null. */
  String published() {
    Matcher m = JSON_LD_PUBLISHED.matcher(head);
    if (m.find()) {
      return m.group(1);
    }
    m = ITEMPROP_PUBLISHED.matcher(head);
    return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
  }

  /** The language code of the first {@code <html>} start tag's {@code lang} attribute, or null. */
  String lang() {
    Matcher html = HTML_TAG.matcher(head);
    if (!html.find()) {
      return null;
    }
    int end = html.end();
    int limit = Math.min(head.length(), end + ROOT_TAG_CHARS);
    while (end < limit && head.charAt(end) != '>') {
      end++;
    }
    Matcher m = LANG.matcher(head.subSequence(html.end(), end));
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }
}

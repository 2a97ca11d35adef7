package org.broadsheet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.broadsheet.search.SearchResult;

/**
 * The newest hits of a search as an Atom 1.0 feed (RFC 4287), so that a feed reader becomes an
 * alert for new articles that match. Written with {@link XMLStreamWriter}, which escapes every
 * text and attribute; characters XML cannot carry at all (control characters, lone surrogates) are
 * dropped first, so a hostile title cannot break the document.
 *
 * <p>Ids are name-based UUIDs ({@code urn:uuid:}) of the article id and of the feed's own query, so
 * they stay the same from one fetch to the next. An entry is updated when it was published; an
 * undated article takes the feed's time. The summary is the hit's snippet, HTML ({@code type="html"}).
 * Each person, place and organisation is a category, its scheme naming the dimension.
 *
 * @param title     the feed's title
 * @param self      the feed's own URL
 * @param page      the URL of the same search in the web page
 * @param article   the page URL of an article, by id
 * @param dimension the scheme URI of a facet dimension's categories
 */
public record AtomFeed(String title, String self, String page, Function<String, String> article,
                       Function<String, String> dimension) {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  public void write(List<SearchResult.Hit> hits, Instant now, OutputStream out) throws IOException {
    Instant updated = hits.stream().map(h -> h.published() == null ? null : Instant.parse(h.published()))
        .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(now);
    try {
      XMLStreamWriter x = XML.createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.setDefaultNamespace(ATOM);
      x.writeStartElement(ATOM, "feed");
      x.writeDefaultNamespace(ATOM);
      text(x, "title", title);
      text(x, "id", uuid("feed:" + self));
      text(x, "updated", updated.toString());
      link(x, "self", "application/atom+xml", self);
      link(x, "alternate", "text/html", page);
      x.writeStartElement(ATOM, "author");
      text(x, "name", "Broadsheet");
      x.writeEndElement();
      text(x, "generator", "Broadsheet");
      for (SearchResult.Hit h : hits) {
        entry(x, h, updated);
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the feed: " + e.getMessage(), e);
    }
  }

  private void entry(XMLStreamWriter x, SearchResult.Hit h, Instant feedUpdated) throws XMLStreamException {
    x.writeStartElement(ATOM, "entry");
    text(x, "id", uuid("article:" + h.id()));
    text(x, "title", h.title() == null || h.title().isBlank() ? h.id() : h.title());
    text(x, "updated", h.published() == null ? feedUpdated.toString() : h.published());
    if (h.published() != null) {
      text(x, "published", h.published());
    }
    link(x, "alternate", "text/html", article.apply(h.id()));
    if (h.snippet() != null && !h.snippet().isBlank()) {
      x.writeStartElement(ATOM, "summary");
      x.writeAttribute("type", "html");
      x.writeCharacters(clean(h.snippet()));
      x.writeEndElement();
    }
    categories(x, "people", h.people());
    categories(x, "places", h.places());
    categories(x, "organizations", h.organizations());
    x.writeEndElement();
  }

  private void categories(XMLStreamWriter x, String dim, List<String> values) throws XMLStreamException {
    for (String v : values) {
      x.writeEmptyElement(ATOM, "category");
      x.writeAttribute("term", clean(v));
      x.writeAttribute("scheme", dimension.apply(dim));
      x.writeAttribute("label", clean(v));
    }
  }

  private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
    x.writeEmptyElement(ATOM, "link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("type", type);
    x.writeAttribute("href", clean(href));
  }

  private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement(ATOM, name);
    x.writeCharacters(clean(value));
    x.writeEndElement();
  }

  private static String uuid(String name) {
    return "urn:uuid:" + UUID.nameUUIDFromBytes(("broadsheet:" + name).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code s} without the characters XML 1.0 cannot contain, escaped or not. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int n = Character.charCount(c);
      boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
          || (c >= 0x10000 && c <= 0x10FFFF);
      if (!ok && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      } else if (ok && b != null) {
        b.appendCodePoint(c);
      }
      i += n;
    }
    return b == null ? s : b.toString();
  }
}

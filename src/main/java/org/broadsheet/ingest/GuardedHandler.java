package org.broadsheet.ingest;

import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Stops a Tika parse from the inside. Java cannot stop a thread, so a parse abandoned after
 * the timeout would otherwise run on, holding its memory; this handler sees every element
 * and chunk of text the parser produces and ends the parse at the next one once the thread
 * is interrupted. It also refuses markup nested deeper than {@code maxDepth}.
 */
final class GuardedHandler extends ContentHandlerDecorator {
  /**
   * Thrown from inside the parser; the parser's caller finds it in the cause chain. A
   * {@link WriteLimitReachedException} because that is the one exception Tika's parsers pass
   * on rather than swallow: the PDF parser catches any other exception page by page and goes
   * on to the next page, so an abandoned parse of a 100,000-page PDF would run to its end.
   */
  static final class Stop extends WriteLimitReachedException {
    final boolean tooDeep;
    private final String message;

    Stop(String message, boolean tooDeep) {
      super(0);
      this.message = message;
      this.tooDeep = tooDeep;
    }

    @Override
    public String getMessage() {
      return message;
    }
  }

  private final int maxDepth;
  private int depth;

  GuardedHandler(ContentHandler handler, int maxDepth) {
    super(handler);
    this.maxDepth = maxDepth;
  }

  @Override
  public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
    check();
    if (++depth > maxDepth) {
      throw new Stop("markup nested more than " + maxDepth + " levels deep", true);
    }
    super.startElement(uri, localName, name, atts);
  }

  @Override
  public void endElement(String uri, String localName, String name) throws SAXException {
    depth--;
    super.endElement(uri, localName, name);
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    check();
    super.characters(ch, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    check();
    super.ignorableWhitespace(ch, start, length);
  }

  private static void check() throws Stop {
    if (Thread.currentThread().isInterrupted()) {
      throw new Stop("parse abandoned after the timeout", false);
    }
  }

  /** The Stop in {@code e}'s cause chain, or null: parsers wrap what a handler throws. */
  static Stop stopIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Stop s) {
        return s;
      }
      if (t instanceof SAXException sax && sax.getException() instanceof Stop s) {
        return s;
      }
    }
    return null;
  }
}

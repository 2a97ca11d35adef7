package org.broadsheet.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.SAXException;

/**
 * Says why a parse failed, as the {@link SkippedFileException} to report: one of our limits,
 * a parser's own bomb or depth guard, or else what the caller passes. A broken installation
 * (a {@link LinkageError}: a class missing from the classpath) is no fault of the file and is
 * thrown on, so the run stops instead of calling every file corrupt.
 */
final class ParseFailures {
  /** Causes followed at most: real chains are a few deep; this bounds a cyclic one. */
  private static final int MAX_CAUSES = 50;
  private final ParserLimits limits;

  ParseFailures(ParserLimits limits) {
    this.limits = limits;
  }

  /** Throws the {@link LinkageError} in {@code e}'s cause chain, if there is one. */
  static void rethrowLinkageError(Throwable e) {
    for (Throwable t : causes(e)) {
      if (t instanceof LinkageError broken) {
        throw broken;
      }
    }
  }

  /** The timeout, as reported. */
  SkippedFileException timeout(Path file) {
    return new SkippedFileException.Timeout(file, "parsing took over " + limits.timeout().toSeconds() + " s");
  }

  /**
   * The limit that stopped a parse, found in the cause chain (parsers wrap what stops them):
   * our text length, nesting and timeout guards, Tika's own bomb guard, and the JDK XML
   * parser's depth and entity limits (whose messages carry stable JAXP codes). Else {@code otherwise}.
   */
  SkippedFileException limitOr(Path file, Throwable e, SkippedFileException otherwise) {
    rethrowLinkageError(e);
    GuardedHandler.Stop stop = GuardedHandler.stopIn(e);
    if (stop != null && stop.tooDeep) {
      return new SkippedFileException.TooDeep(file, stop.getMessage());
    }
    if (stop != null || cancelledIn(e)) {
      return timeout(file);
    }
    if (WriteLimitReachedException.isWriteLimitReached(e)) {
      return new SkippedFileException.TooLarge(file, "more than " + limits.maxTextChars() + " characters of text");
    }
    for (Throwable t : causes(e)) {
      String message = String.valueOf(t.getMessage());
      if (message.startsWith("Suspected zip bomb")) { // Tika's SecureContentHandler (private class, stable message)
        return message.contains("nesting") ? new SkippedFileException.TooDeep(file,
            "markup nested too deep: " + message.replace("Suspected zip bomb: ", "Tika stops at "))
            : new SkippedFileException.Bomb(file, message);
      }
      if (message.contains("JAXP00010006")) {
        return new SkippedFileException.TooDeep(file, "XML nested deeper than the parser's limit");
      }
      for (int code = 1; code <= 4; code++) {
        if (message.contains("JAXP0001000" + code)) {
          return new SkippedFileException.Bomb(file, "XML entities expand past the parser's limit (billion laughs)");
        }
      }
    }
    return otherwise;
  }

  private static boolean cancelledIn(Throwable e) {
    return causes(e).stream().anyMatch(t -> t instanceof ParseCancelled);
  }

  /** {@code e} and its causes, outermost first; parsers wrap causes in SAXExceptions' own field too. */
  private static List<Throwable> causes(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && chain.size() < MAX_CAUSES && !chain.contains(t); t = next(t)) {
      chain.add(t);
    }
    return chain;
  }

  private static Throwable next(Throwable t) {
    if (t.getCause() != null && t.getCause() != t) {
      return t.getCause();
    }
    return t instanceof SAXException sax && sax.getException() != t ? sax.getException() : null;
  }
}

package org.broadsheet.search;

/** The user's query or parameters cannot be run; the message says why and where. */
public final class BadQueryException extends IllegalArgumentException {
  public BadQueryException(String message) {
    super(message);
  }

  public BadQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}

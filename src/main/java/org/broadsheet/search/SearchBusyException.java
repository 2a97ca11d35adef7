package org.broadsheet.search;

/** No search could start within the queue timeout: the server is overloaded, the request was not run. */
public final class SearchBusyException extends RuntimeException {
  public SearchBusyException(String message) {
    super(message);
  }
}

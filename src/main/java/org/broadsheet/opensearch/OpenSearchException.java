package org.broadsheet.opensearch;

import java.io.IOException;

/** An answer from OpenSearch that is an error: its HTTP status and OpenSearch's reason. */
public final class OpenSearchException extends IOException {
  private final int status;
  private final String type;

  public OpenSearchException(int status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  public int status() {
    return status;
  }

  /** OpenSearch's error type, e.g. {@code index_not_found_exception}; empty when the answer had none. */
  public String type() {
    return type;
  }
}

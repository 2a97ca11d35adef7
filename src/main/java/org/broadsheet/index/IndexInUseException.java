package org.broadsheet.index;

import java.io.IOException;

/** Another process is writing to the index. */
public final class IndexInUseException extends IOException {
  public IndexInUseException(String message, Throwable cause) {
    super(message, cause);
  }
}

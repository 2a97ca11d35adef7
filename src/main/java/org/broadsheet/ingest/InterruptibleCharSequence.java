package org.broadsheet.ingest;

/**
 * File text for a regex to run over, which stops the match with {@link ParseCancelled} as
 * soon as the thread is interrupted: every character the matcher reads checks first. The
 * patterns in this package are bounded, so none should run long; this makes sure an
 * abandoned parse stops even if one does.
 */
final class InterruptibleCharSequence implements CharSequence {
  private final CharSequence text;

  InterruptibleCharSequence(CharSequence text) {
    this.text = text;
  }

  @Override
  public char charAt(int index) {
    ParseCancelled.check();
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new InterruptibleCharSequence(text.subSequence(start, end));
  }

  @Override
  public String toString() {
    return text.toString();
  }
}

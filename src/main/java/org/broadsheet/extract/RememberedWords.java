package org.broadsheet.extract;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The CRF's word function (the CoNLL model's is CoreNLP's {@code AmericanizeFunction}, a dozen
 * regular expressions per word) with its answers remembered. The feature factory asks it for each
 * token once per feature that reads the token, a dozen times and more; the answer depends on the word
 * alone. Profiled on Reuters: 6% of ingest with extraction went to those expressions. Thread-safe;
 * remembers at most {@link #MAX_WORDS} words, and works out the rest each time, as before.
 */
final class RememberedWords implements Function<String, String>, Serializable {
  private static final long serialVersionUID = 1L;
  /** Words remembered at most: news vocabularies are Zipfian, and the first 100,000 words seen cover nearly every token. */
  static final int MAX_WORDS = 100_000;

  private final Function<String, String> function;
  private final transient Map<String, String> answers = new ConcurrentHashMap<>();

  private RememberedWords(Function<String, String> function) {
    this.function = function;
  }

  /** {@code function} remembered; null stays null (no function), and one already remembered is returned as it is. */
  static Function<String, String> of(Function<String, String> function) {
    return function == null || function instanceof RememberedWords ? function : new RememberedWords(function);
  }

  @Override
  public String apply(String word) {
    if (word == null) {
      return function.apply(null);
    }
    String answer = answers.get(word);
    if (answer == null) {
      answer = function.apply(word);
      if (answer != null && answers.size() < MAX_WORDS) {
        answers.putIfAbsent(word, answer);
      }
    }
    return answer;
  }
}

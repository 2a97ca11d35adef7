package org.broadsheet.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;

/**
 * What the search box may complete to, gathered from whichever engine holds the index, for a
 * {@link CompletionIndex}: each entity once, in its best spelling, found by each word it has from
 * there on; and the {@link #MAX_TERMS} words of the body most articles use (of letters only, three
 * bytes or more), less the words of entity names ("erd" offers "Recep Tayyip Erdoğan", not also
 * "erdoğan"), a word and its folded twin ("erdoğan", "erdogan") being one word in its spelled form.
 */
public final class CompletionEntries {
  /** The most common words offered: enough for any word a reader starts, small enough to build in a moment. */
  public static final int MAX_TERMS = 20_000;
  /**
   * A word in fewer articles is not offered. One: in a small archive a word of one article is worth
   * completing; in a large one the {@link #MAX_TERMS} most common leave the one-offs out anyway.
   */
  static final int MIN_TERM_ARTICLES = 1;
  /** Shorter words (in UTF-8 bytes, as the index's terms are) are not offered. */
  private static final int MIN_TERM_BYTES = 3;
  /** Ends what an entry is matched by: the rest of its key only tells it apart. */
  static final char MARK = '\u001d';
  private static final Map<String, String> KINDS = Map.of(
      Fields.FACET_PEOPLE, "person", Fields.FACET_PLACES, "place", Fields.FACET_ORGS, "organization");

  /** One entry: matched by {@code key}, shown as {@code text}. */
  record Entry(String key, String text, String kind, long count) {
  }

  private final EntityWords entityWords;
  private final List<Entry> entities = new ArrayList<>();
  private final PriorityQueue<Entry> top = new PriorityQueue<>((a, b) -> Long.compare(a.count(), b.count()));
  private final Map<String, Entry> byKey = new HashMap<>();

  /** @param entityWords the words of the archive's entity names, which are not offered as words */
  public CompletionEntries(EntityWords entityWords) {
    this.entityWords = entityWords;
  }

  /** The completion kind of a named dimension's values: "person", "place" or "organization". */
  public static String kind(String dim) {
    return KINDS.get(dim);
  }

  /** An entity of a named dimension, in its best spelling, with the number of articles naming it (any spelling). */
  public void entity(String dim, String name, long count) {
    for (int i = 0; i < name.length(); i++) {
      if (i == 0 || Character.isWhitespace(name.charAt(i - 1)) && !Character.isWhitespace(name.charAt(i))) {
        entities.add(new Entry(name.substring(i), name, kind(dim), count));
      }
    }
  }

  /**
   * Whether a word of {@code utf8Length} bytes in {@code articles} articles can still be among the
   * words offered: a cheap test before reading the word.
   */
  public boolean wanted(long articles, int utf8Length) {
    return articles >= MIN_TERM_ARTICLES && utf8Length >= MIN_TERM_BYTES
        && !(top.size() == MAX_TERMS && articles <= top.peek().count());
  }

  /** A term of the body and the number of articles using it; kept if it is among the most common words. */
  public void word(String word, long articles) {
    if (!wanted(articles, word.getBytes(StandardCharsets.UTF_8).length)
        || !word.codePoints().allMatch(Character::isLetter) || entityWords.spelling(word) != null) {
      return;
    }
    // "erdoğan" and its folded twin "erdogan" are one word: the spelled one shows.
    String key = EntityWords.key(word);
    Entry seen = byKey.get(key);
    if (seen != null) {
      if (FacetKeys.better(word, articles, seen.text(), seen.count())) {
        top.remove(seen);
        Entry e = new Entry(word, word, "term", Math.max(articles, seen.count()));
        top.add(e);
        byKey.put(key, e);
      }
      return;
    }
    Entry e = new Entry(word, word, "term", articles);
    top.add(e);
    byKey.put(key, e);
    if (top.size() > MAX_TERMS) {
      byKey.remove(EntityWords.key(top.poll().text()));
    }
  }

  /**
   * Every entry: the entities' first, then the words'. Entries matched by the same key ("Oil" of
   * "Standard Oil" and of "Marathon Oil") are told apart by what follows {@link #MARK}, which
   * matching ignores ({@code CompletionIndex}): the suggester keeps one entry per key, and which
   * one would depend on the order entries came in.
   */
  List<Entry> all() {
    List<Entry> out = new ArrayList<>(entities);
    out.addAll(top);
    Map<String, Integer> uses = new HashMap<>();
    out.forEach(e -> uses.merge(e.key(), 1, Integer::sum));
    out.replaceAll(e -> uses.get(e.key()) == 1 ? e
        : new Entry(e.key() + MARK + e.kind() + MARK + e.text(), e.text(), e.kind(), e.count()));
    return out;
  }
}

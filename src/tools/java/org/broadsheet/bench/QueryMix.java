package org.broadsheet.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.Fields;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;

/**
 * A fixed, seeded mix of queries whose words come from the index itself: 30 % one word,
 * 20 % two words of one article, 20 % a phrase read from an article, 15 % boolean (OR, NOT,
 * grouping) and 15 % a word filtered by a facet (a frequent person, place or organisation
 * when the index has entities, else a published year). Every query asks for the first page
 * with facet counts for people, places, organisations and published date, as the web page does.
 */
record QueryMix(List<Query> queries) {
  record Query(String kind, String q, Map<String, List<String>> filters, String published) {
    SearchRequest request() {
      return new SearchRequest(q, filters, published, null, null, SearchRequest.Sort.RELEVANCE, 1, 10);
    }

    String url(String base) {
      StringBuilder u = new StringBuilder(base).append("/api/search?q=").append(enc(q));
      filters.forEach((dim, values) -> values.forEach(v -> u.append('&').append(dim).append('=').append(enc(v))));
      if (published != null) {
        u.append("&published=").append(enc(published));
      }
      return u.toString();
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }

  private static final Pattern WORD = Pattern.compile("[a-z]{3,}");

  static QueryMix build(Broadsheet archive, Path luceneDir, long seed, int count) throws IOException {
    Random r = new Random(seed);
    List<String> vocab = new ArrayList<>();
    List<String[]> docWords = new ArrayList<>();
    try (var dir = FSDirectory.open(luceneDir); DirectoryReader reader = DirectoryReader.open(dir)) {
      int docs = reader.numDocs();
      // Body terms seen in at least 3 articles: frequent and rare words alike, as people type them.
      Terms terms = MultiTerms.getTerms(reader, Fields.BODY);
      if (terms != null) {
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          String w = t.utf8ToString();
          if (te.docFreq() >= Math.min(3, docs) && WORD.matcher(w).matches()) {
            vocab.add(w);
          }
        }
      }
      // Runs of words from 200 sampled articles, for phrases and word pairs that do co-occur.
      StoredFields stored = reader.storedFields();
      for (int i = 0; i < Math.min(200, reader.maxDoc()); i++) {
        int doc = r.nextInt(reader.maxDoc());
        String body = stored.document(doc, java.util.Set.of(Fields.BODY)).get(Fields.BODY);
        if (body != null) {
          docWords.add(java.util.Arrays.stream(body.split("\\s+"))
              .map(w -> w.replaceAll("[^\\p{L}]", "")).filter(w -> w.length() >= 3).toArray(String[]::new));
        }
      }
    }
    if (vocab.isEmpty() || docWords.isEmpty()) {
      throw new IOException("the index has no body text to draw queries from");
    }
    // Facet values to filter by: the 20 most frequent of each entity dimension, else years.
    SearchResult all = archive.search(SearchRequest.of("").withSize(1));
    List<String[]> facetChoices = new ArrayList<>();
    for (String dim : List.of(Fields.FACET_PEOPLE, Fields.FACET_PLACES, Fields.FACET_ORGS)) {
      for (SearchResult.FacetValue v : all.facets().getOrDefault(dim, List.of())) {
        facetChoices.add(new String[] {dim, v.value()});
      }
    }
    List<String> years = all.facets().getOrDefault(Fields.FACET_PUBLISHED, List.of()).stream()
        .map(SearchResult.FacetValue::value).toList();

    List<Query> out = new ArrayList<>(count);
    while (out.size() < count) {
      int roll = r.nextInt(100);
      String[] words = docWords.get(r.nextInt(docWords.size()));
      if (words.length < 3) {
        continue;
      }
      String w = vocab.get(r.nextInt(vocab.size()));
      if (roll < 30) {
        out.add(new Query("one-word", w, Map.of(), null));
      } else if (roll < 50) {
        out.add(new Query("two-word", words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)],
            Map.of(), null));
      } else if (roll < 70) {
        int at = r.nextInt(words.length - 1);
        out.add(new Query("phrase", "\"" + words[at] + " " + words[at + 1] + "\"", Map.of(), null));
      } else if (roll < 85) {
        String w2 = vocab.get(r.nextInt(vocab.size()));
        String w3 = words[r.nextInt(words.length)];
        String q = switch (r.nextInt(3)) {
          case 0 -> w + " OR " + w2;
          case 1 -> w3 + " -" + w2;
          default -> "(" + w + " OR " + w2 + ") " + w3;
        };
        out.add(new Query("boolean", q, Map.of(), null));
      } else {
        String q = words[r.nextInt(words.length)];
        if (!facetChoices.isEmpty()) {
          String[] f = facetChoices.get(r.nextInt(facetChoices.size()));
          out.add(new Query("facet-filtered", q, Map.of(f[0], List.of(f[1])), null));
        } else if (!years.isEmpty()) {
          out.add(new Query("facet-filtered", q, Map.of(), years.get(r.nextInt(years.size()))));
        } else {
          out.add(new Query("facet-filtered", q, Map.of(), null));
        }
      }
    }
    return new QueryMix(out);
  }
}

package org.broadsheet.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.broadsheet.search.ArticleView;

/**
 * The article route's answer: the article, and the address of its original file on this server.
 *
 * @param original {@code /api/articles/{id}/original}
 */
record ArticleAnswer(@JsonUnwrapped ArticleView article, String original) {
  static ArticleAnswer of(ArticleView a) {
    return new ArticleAnswer(a, "/api/articles/" + a.id() + "/original");
  }
}

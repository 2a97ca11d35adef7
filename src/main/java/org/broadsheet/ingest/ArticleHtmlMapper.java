package org.broadsheet.ingest;

import java.util.Locale;
import java.util.Set;
import org.apache.tika.parser.html.DefaultHtmlMapper;

/**
 * Tika's default HTML mapping, plus: the page furniture around an article (navigation,
 * header, footer, asides, forms) is discarded, so menus and "related stories" lists do
 * not become article text or entities.
 */
final class ArticleHtmlMapper extends DefaultHtmlMapper {
  private static final Set<String> BOILERPLATE =
      Set.of("nav", "header", "footer", "aside", "form", "menu", "noscript", "template", "button", "svg", "figure");

  @Override
  public boolean isDiscardElement(String name) {
    return super.isDiscardElement(name) || BOILERPLATE.contains(name.toLowerCase(Locale.ROOT));
  }
}

package org.broadsheet.cli;

/** Turns an HTML snippet into terminal text: marks become *stars*, entities are unescaped. */
final class Snippets {
  private Snippets() {
  }

  static String toTerminal(String html) {
    return html.replace("<mark>", "*").replace("</mark>", "*").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#x27;", "'").replace("&#39;", "'").replace("&#x2F;", "/")
        .replace("&amp;", "&").replaceAll("\\s+", " ");
  }
}

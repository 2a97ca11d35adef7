package org.broadsheet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the two XML news formats Tika has no parser for: IPTC NITF and NewsML-G2.
 * Tika's generic XML parser would give every text node, metadata included; these
 * readers take headline, dates, byline, source and body from the elements meant for them.
 */
final class NewsXml {
  /** Elements after which the text gets a line break, so paragraphs stay apart. */
  private static final Set<String> BLOCKS = Set.of("p", "hl1", "hl2", "h1", "h2", "h3", "h4", "h5", "h6",
      "li", "div", "block", "br", "tr", "dateline", "byline", "headline", "subheadline", "abstract", "blockquote");

  /** Deepest element nesting read; see {@code ArticleParser.MAX_DEPTH}. The text walk recurses this deep at most. */
  static final int MAX_DEPTH = ArticleParser.MAX_DEPTH;

  /** The fields found; any may be null. */
  record Fields(String title, String published, String byline, String source, String language, String text) {
  }

  private NewsXml() {
  }

  /** True when {@code rootLocalName} is a format this class reads. */
  static boolean reads(String rootLocalName) {
    return "nitf".equals(rootLocalName) || "newsItem".equals(rootLocalName) || "newsMessage".equals(rootLocalName);
  }

  static Fields read(InputStream in) throws IOException, SAXException {
    Document doc = secureBuilder().parse(in);
    Element root = doc.getDocumentElement();
    return "nitf".equals(root.getLocalName()) ? nitf(root) : newsMl(root);
  }

  private static Fields nitf(Element root) {
    String title = firstText(root, "hl1");
    if (title == null) {
      title = firstText(root, "title");
    }
    String published = attr(first(root, "date.issue"), "norm");
    if (published == null) {
      published = attr(first(root, "date.release"), "norm");
    }
    String byline = stripBy(firstText(root, "byline"));
    String source = attr(first(root, "doc.copyright"), "holder");
    if (source == null) {
      source = firstText(root, "distributor");
    }
    String language = lang(root);
    Element body = first(root, "body.content");
    String text = join(title, body == null ? null : blockText(body));
    return new Fields(title, published, byline, source, language, text);
  }

  private static Fields newsMl(Element root) {
    Element item = "newsItem".equals(root.getLocalName()) ? root : first(root, "newsItem");
    Element scope = item == null ? root : item;
    String title = firstText(scope, "headline");
    String published = firstText(scope, "firstCreated");
    if (published == null) {
      published = firstText(scope, "contentCreated");
    }
    if (published == null) {
      published = firstText(scope, "versionCreated");
    }
    String byline = stripBy(firstText(scope, "by"));
    String source = firstText(scope, "creditline");
    if (source == null) {
      source = attr(first(scope, "provider"), "literal");
    }
    String language = lang(scope);
    if (language == null) {
      language = attr(first(scope, "language"), "tag");
    }
    Element content = first(scope, "inlineXML");
    if (content == null) {
      content = first(scope, "inlineData");
    }
    Element body = content == null ? null : first(content, "body");
    String text = join(title, content == null ? null : blockText(body != null ? body : content));
    return new Fields(title, published, byline, source, language, text);
  }

  private static DocumentBuilder secureBuilder() throws IOException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance(); // the JDK's own, hardened parser
      f.setNamespaceAware(true);
      f.setValidating(false);
      // Entities are expanded so that secure processing's expansion limits apply: a billion-laughs
      // file is refused at the limit rather than indexed with its entities silently dropped.
      f.setExpandEntityReferences(true);
      // Secure processing bounds entity expansion (billion laughs) and, with the JDK's defaults,
      // element depth (jdk.xml.maxElementDepth); no DTD or entity is ever fetched.
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      // Set, not left to the JDK's default (which differs between versions), so the bound is the same everywhere.
      f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilder b = f.newDocumentBuilder();
      b.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(new java.io.StringReader("")));
      b.setErrorHandler(null);
      return b;
    } catch (ParserConfigurationException e) {
      throw new IOException("no secure XML parser available", e);
    }
  }

  private static Element first(Element scope, String localName) {
    NodeList nodes = scope.getElementsByTagNameNS("*", localName);
    return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
  }

  private static String firstText(Element scope, String localName) {
    Element e = first(scope, localName);
    return e == null ? null : blank(e.getTextContent().replaceAll("\\s+", " ").trim());
  }

  private static String attr(Element e, String name) {
    return e == null ? null : blank(e.getAttribute(name).trim());
  }

  private static String lang(Element e) {
    return blank(e.getAttributeNS(XMLConstants.XML_NS_URI, "lang"));
  }

  private static String stripBy(String byline) {
    return byline == null ? null : byline.replaceFirst("(?i)^by\\s+", "");
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String join(String title, String body) {
    StringBuilder sb = new StringBuilder();
    if (title != null) {
      sb.append(title).append("\n\n");
    }
    if (body != null) {
      sb.append(body.strip());
    }
    return sb.toString();
  }

  private static String blockText(Node node) {
    StringBuilder sb = new StringBuilder();
    appendText(node, sb);
    return sb.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n *", "\n")
        .replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static void appendText(Node node, StringBuilder sb) {
    for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
        sb.append(c.getNodeValue().replace('\n', ' '));
      } else if (c.getNodeType() == Node.ELEMENT_NODE) {
        appendText(c, sb);
        if (BLOCKS.contains(c.getLocalName())) {
          sb.append('\n');
        }
      }
    }
  }
}

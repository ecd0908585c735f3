package io.dendrite.runner.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A written report read back as XML, which its markup is, with XPath queries over it. */
final class ReportPageXml {
  private final Document document;

  private ReportPageXml(Document document) {
    this.document = document;
  }

  /** Parses {@code file}; fails when the page is not well-formed. */
  static ReportPageXml parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setExpandEntityReferences(false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return new ReportPageXml(factory.newDocumentBuilder().parse(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError(file + " is not well-formed: " + e.getMessage(), e);
    }
  }

  List<Element> all(String xpath) {
    return nodes(xpath).stream().map(Element.class::cast).toList();
  }

  private List<Node> nodes(String xpath) {
    try {
      NodeList nodes =
          (NodeList)
              XPathFactory.newInstance()
                  .newXPath()
                  .evaluate(xpath, document, XPathConstants.NODESET);
      List<Node> found = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        found.add(nodes.item(i));
      }
      return found;
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(xpath, e);
    }
  }

  Element one(String xpath) {
    List<Element> found = all(xpath);
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " elements match " + xpath + ", expected one");
    }
    return found.get(0);
  }

  /** The text of the elements or attributes {@code xpath} finds, trimmed. */
  List<String> texts(String xpath) {
    return nodes(xpath).stream().map(n -> n.getTextContent().trim()).toList();
  }

  /** The PNG of a {@code data:image/png;base64,} source, decoded. */
  static byte[] pngBytes(Element img) {
    String src = img.getAttribute("src");
    String prefix = "data:image/png;base64,";
    if (!src.startsWith(prefix)) {
      throw new AssertionError(
          "not an embedded PNG: " + src.substring(0, Math.min(60, src.length())));
    }
    return Base64.getDecoder().decode(src.substring(prefix.length()));
  }

  static BufferedImage image(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new AssertionError("not an image ImageIO reads");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package pullquote.index.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import pullquote.index.ReviewFields;
import pullquote.index.ReviewSchema;

/**
 * The configset's {@code managed-schema.xml} against the schema table: every field of the table is
 * declared as its kind says, and the configset declares nothing the table does not account for.
 */
class SolrSchemaTest {

  private static final Map<String, Element> FIELDS = new HashMap<>();
  private static final Set<String> COPIES = new HashSet<>();
  private static String uniqueKey;

  @BeforeAll
  static void read() throws Exception {
    Document xml;
    try (InputStream in =
        SolrSchemaTest.class.getResourceAsStream("/pullquote/solr/configset/managed-schema.xml")) {
      xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    NodeList fields = xml.getElementsByTagName("field");
    for (int i = 0; i < fields.getLength(); i++) {
      Element field = (Element) fields.item(i);
      FIELDS.put(field.getAttribute("name"), field);
    }
    NodeList copies = xml.getElementsByTagName("copyField");
    for (int i = 0; i < copies.getLength(); i++) {
      Element copy = (Element) copies.item(i);
      COPIES.add(copy.getAttribute("source") + "->" + copy.getAttribute("dest"));
    }
    uniqueKey = xml.getElementsByTagName("uniqueKey").item(0).getTextContent().strip();
  }

  private static Element field(String name) {
    assertThat(FIELDS).as("fields of managed-schema.xml").containsKey(name);
    return FIELDS.get(name);
  }

  /** An attribute, or Solr's default for it when absent (true for indexed and stored). */
  private static boolean flag(Element field, String attribute) {
    String value = field.getAttribute(attribute);
    return value.isEmpty()
        ? !attribute.equals("docValues") && !attribute.equals("multiValued")
        : Boolean.parseBoolean(value);
  }

  @Test
  void everyFieldOfTheTableIsDeclaredAsItsKindSays() {
    for (ReviewSchema.Field f : ReviewSchema.FIELDS) {
      Element solr = field(f.solrName());
      String type = solr.getAttribute("type");
      String as = f.name() + " (" + f.kind() + ")";
      switch (f.kind()) {
        case KEY -> {
          assertThat(type).as(as).isEqualTo("string");
          assertThat(uniqueKey).as(as).isEqualTo(f.solrName());
        }
        case ALIAS ->
            assertThat(
                    type + flag(solr, "indexed") + flag(solr, "stored") + flag(solr, "multiValued"))
                .as(as)
                .isEqualTo("stringtruetruetrue");
        case ORDER -> assertThat(type + flag(solr, "docValues")).as(as).isEqualTo("plongtrue");
        case TEXT -> {
          assertThat(type).as(as).isEqualTo("text_review");
          assertThat(flag(solr, "stored")).as(as).isTrue();
          assertThat(COPIES).as(as).contains(f.solrName() + "->text_exact");
        }
        case NAME -> {
          assertThat(type + flag(solr, "docValues") + flag(solr, "stored"))
              .as(as)
              .isEqualTo("stringtruetrue");
          assertThat(field(f.exactField()).getAttribute("type")).as(as).isEqualTo("name_exact");
          assertThat(field(f.wordsField()).getAttribute("type")).as(as).isEqualTo("text_name");
          assertThat(COPIES)
              .as(as)
              .contains(f.solrName() + "->" + f.exactField(), f.solrName() + "->" + f.wordsField());
        }
        case LABEL ->
            assertThat(type + flag(solr, "docValues") + flag(solr, "stored"))
                .as(as)
                .isEqualTo("stringtruetrue");
        case INT, DAY ->
            assertThat(type + flag(solr, "docValues") + flag(solr, "stored"))
                .as(as)
                .isEqualTo("pinttruetrue");
        case STORED_TEXT, STORED_INT, STORED_DOUBLE -> {
          assertThat(flag(solr, "indexed")).as(as).isFalse();
          assertThat(flag(solr, "stored")).as(as).isTrue();
          assertThat(flag(solr, "multiValued")).as(as).isEqualTo(f.multiValued());
        }
      }
    }
  }

  @Test
  void theConfigsetDeclaresNothingTheTableDoesNotAccountFor() {
    Set<String> accounted = new HashSet<>(Set.of("_version_", "text_exact"));
    for (ReviewSchema.Field f : ReviewSchema.FIELDS) {
      accounted.add(f.solrName());
      if (f.kind() == ReviewSchema.Kind.NAME) {
        accounted.add(f.exactField());
        accounted.add(f.wordsField());
      }
    }
    assertThat(FIELDS.keySet()).isEqualTo(accounted);
    assertThat(field(ReviewFields.ID).getAttribute("required")).isEqualTo("true");
  }
}

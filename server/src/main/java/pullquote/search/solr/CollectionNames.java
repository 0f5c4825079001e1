package pullquote.search.solr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;
import pullquote.index.ReviewSchema;
import pullquote.search.KnownNames;

/**
 * Names looked up in a SolrCloud collection: one request counts the folded name in every name field
 * at once (most boxes are no name, and then that is all), and a name found is read as the reviews
 * spell it.
 */
record CollectionNames(SolrCollection collection) implements KnownNames.Lookup {

  @Override
  public Map<ReviewSchema.Field, KnownNames.Found> find(
      List<ReviewSchema.Field> names, String folded) {
    SolrQuery counts = new SolrQuery("*:*");
    counts.setRows(0);
    counts.setFacet(true);
    for (ReviewSchema.Field name : names) {
      counts.addFacetQuery("{!key=" + name.name() + "}" + exact(name, folded));
    }
    Map<String, Integer> counted = collection.query(counts).getFacetQuery();
    Map<ReviewSchema.Field, KnownNames.Found> found = new LinkedHashMap<>();
    for (ReviewSchema.Field name : names) {
      Integer reviews = counted == null ? null : counted.get(name.name());
      if (reviews != null && reviews > 0) {
        found.put(name, new KnownNames.Found(shown(name, folded), reviews));
      }
    }
    return found;
  }

  private static String exact(ReviewSchema.Field name, String folded) {
    return name.exactField() + ":" + ClientUtils.escapeQueryChars(folded);
  }

  /** The name as the first review with it spells it. */
  private String shown(ReviewSchema.Field name, String folded) {
    SolrQuery first = new SolrQuery(exact(name, folded));
    first.setFields(name.solrName());
    first.setRows(1);
    return String.valueOf(
        collection.query(first).getResults().getFirst().getFirstValue(name.solrName()));
  }
}

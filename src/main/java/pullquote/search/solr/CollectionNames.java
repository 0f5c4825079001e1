package pullquote.search.solr;

import java.util.Optional;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;
import pullquote.index.ReviewSchema;
import pullquote.search.KnownNames;

/** Names looked up in a SolrCloud collection: one query on the folded name field. */
record CollectionNames(SolrCollection collection) implements KnownNames.Lookup {

  @Override
  public Optional<KnownNames.Found> find(ReviewSchema.Field name, String folded) {
    SolrQuery exact = new SolrQuery(name.exactField() + ":" + ClientUtils.escapeQueryChars(folded));
    exact.setFields(name.solrName());
    exact.setRows(1);
    var found = collection.query(exact).getResults();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Object shown = found.getFirst().getFirstValue(name.solrName());
    return Optional.of(new KnownNames.Found(String.valueOf(shown), found.getNumFound()));
  }
}

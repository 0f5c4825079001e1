package pullquote.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The run's shared {@link SolrTestCluster} for a test class: {@code @ExtendWith(SolrCluster.class)}
 * gives it to parameters of that type; {@code @RegisterExtension static SolrCluster solr = new
 * SolrCluster()} also holds it in {@link #cluster()} before any {@code @BeforeAll} runs.
 */
public final class SolrCluster implements ParameterResolver, BeforeAllCallback {

  private SolrTestCluster cluster;

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster = SolrTestCluster.shared(context);
  }

  public SolrTestCluster cluster() {
    if (cluster == null) {
      throw new IllegalStateException("register the extension as a static field");
    }
    return cluster;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SolrTestCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return SolrTestCluster.shared(context);
  }
}

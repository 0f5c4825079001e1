package pullquote.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(SolrCluster.class)}: a test (or its {@code @BeforeAll}) that takes a {@link
 * SolrTestCluster} parameter gets the run's shared cluster.
 */
public final class SolrCluster implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SolrTestCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return SolrTestCluster.shared(context);
  }
}

package pullquote.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import pullquote.index.solr.SolrConnection;

/**
 * {@code --solr URL[,URL...] --collection NAME}: a SolrCloud collection instead of the local index.
 * Both or neither.
 */
final class SolrOption {

  @Option(
      names = "--solr",
      paramLabel = "URL[,URL...]",
      description =
          "Use a SolrCloud cluster, reached through these node URLs (such as"
              + " http://127.0.0.1:8983/solr), instead of the local index; needs --collection.")
  String urls;

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      description = "The collection (an alias every rebuild moves) on the --solr cluster.")
  String collection;

  /**
   * @return the connection, or null for the local index
   * @throws CommandLine.ParameterException when only one of the two is given, or one is malformed
   */
  SolrConnection connection(CommandLine commandLine) {
    if (urls == null && collection == null) {
      return null;
    }
    if (urls == null || collection == null) {
      throw new CommandLine.ParameterException(
          commandLine, "--solr and --collection go together: give both, or neither");
    }
    try {
      return SolrConnection.of(urls, collection);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }
}

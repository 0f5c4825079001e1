package pullquote.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import pullquote.index.IndexLayout;
import pullquote.index.solr.SolrConnection;
import pullquote.ingest.Json;
import pullquote.search.InvalidParameterException;
import pullquote.search.ReviewHit;
import pullquote.search.SearchBackend;
import pullquote.search.SearchParameters;
import pullquote.search.SearchResponse;
import pullquote.search.SearchUnavailableException;

/** {@code pullquote search}: the API's search in a terminal, as a table or as the API's JSON. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the index from the terminal with the search-box syntax:",
      "  words (all must match), \"exact phrase\", \"phrase\"~N, -word, OR, (…), word*,",
      "  critic:NAME, publication:NAME, work:TITLE, sentiment:positive|mixed|negative"
    })
final class SearchCommand implements Callable<Integer> {

  @Mixin IndexOption index = new IndexOption();

  @Mixin SolrOption solr = new SolrOption();

  @Mixin ForgivenessOptions forgiving = new ForgivenessOptions();

  @Option(names = "--critic", paramLabel = "NAME", description = "Only this critic (repeatable).")
  List<String> critics = new ArrayList<>();

  @Option(
      names = "--publication",
      paramLabel = "NAME",
      description = "Only this publication (repeatable).")
  List<String> publications = new ArrayList<>();

  @Option(names = "--work", paramLabel = "TITLE", description = "Only this work (repeatable).")
  List<String> works = new ArrayList<>();

  @Option(
      names = "--sentiment",
      paramLabel = "S",
      description = "positive, mixed or negative (repeatable).")
  List<String> sentiments = new ArrayList<>();

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      description = "relevance, date or score, with :asc or :desc.")
  String sort;

  @Option(
      names = "--size",
      paramLabel = "N",
      description = "Hits per page (default 10, at most 100).")
  String size;

  @Option(names = "--page", paramLabel = "N", description = "Page number, from 1.")
  String page;

  @Option(names = "--json", description = "Print the API's JSON instead of a table.")
  boolean json;

  @Parameters(
      arity = "0..*",
      paramLabel = "QUERY",
      description = "The query; empty lists everything.")
  List<String> query = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, List<String>> params = new HashMap<>();
    params.put("q", List.of(String.join(" ", query)));
    params.put("critic", critics);
    params.put("publication", publications);
    params.put("work", works);
    params.put("sentiment", sentiments);
    putIfSet(params, "sort", sort);
    putIfSet(params, "size", size);
    putIfSet(params, "page", page);
    var request = parse(params);
    var mapper = Json.newMapper();
    SolrConnection solrConnection = solr.connection(spec.commandLine());
    if (solrConnection == null && new IndexLayout(index.dir()).current().isEmpty()) {
      System.err.println("pullquote search: " + index.noIndexYet());
      return 1;
    }
    try (SearchBackend backend =
        Backends.of(
            index, solrConnection, forgiving.forgiveness(spec.commandLine()), mapper, false)) {
      try {
        backend.open();
      } catch (SearchUnavailableException e) {
        System.err.println("pullquote search: " + e.getMessage());
        return 1;
      }
      SearchResponse response = backend.service().search(request);
      if (json) {
        System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(response));
      } else {
        printTable(response, System.out);
      }
    }
    return 0;
  }

  private pullquote.search.SearchRequest parse(Map<String, List<String>> params) {
    try {
      return SearchParameters.parse(params);
    } catch (InvalidParameterException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static void putIfSet(Map<String, List<String>> params, String name, String value) {
    if (value != null) {
      params.put(name, List.of(value));
    }
  }

  private static void printTable(SearchResponse response, PrintStream out) {
    response.warnings().forEach(w -> out.println("note: " + w));
    ForgivenLines.of(response).forEach(out::println);
    out.printf(
        Locale.ROOT,
        "%d review%s (%d ms)%n",
        response.total(),
        response.total() == 1 ? "" : "s",
        response.tookMs());
    int rank = (response.page() - 1) * response.size();
    for (ReviewHit hit : response.hits()) {
      rank++;
      String score = hit.score() == null ? "  -" : String.format(Locale.ROOT, "%3d", hit.score());
      out.printf(
          Locale.ROOT,
          "%n%3d. %s  %-8s (%s)  %s — %s%s%n",
          rank,
          score,
          hit.sentiment(),
          hit.sentimentSource(),
          hit.critic() == null ? "uncredited" : hit.critic(),
          hit.work(),
          hit.date() == null ? "" : ", " + hit.date());
      out.println("     " + abbreviate(hit.text(), 200));
    }
    var f = response.facets();
    if (f == null) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "%nsentiment: positive %d, mixed %d, negative %d%n",
        f.all("sentiment").get("positive"),
        f.all("sentiment").get("mixed"),
        f.all("sentiment").get("negative"));
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}

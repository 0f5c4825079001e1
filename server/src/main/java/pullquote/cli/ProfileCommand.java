package pullquote.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import pullquote.index.IndexLayout;
import pullquote.index.solr.SolrConnection;
import pullquote.ingest.Json;
import pullquote.search.InvalidParameterException;
import pullquote.search.SearchBackend;
import pullquote.search.SearchUnavailableException;
import pullquote.search.profile.Profiles;
import pullquote.sentiment.LinearSentimentModel;

/**
 * What {@code pullquote critic} and {@code pullquote work} share: the backend they read, the JSON
 * the API answers, and the exit codes (1 when no review has the name).
 *
 * @param <P> the profile printed
 */
abstract class ProfileCommand<P> implements Callable<Integer> {

  @Mixin IndexOption index = new IndexOption();

  @Mixin SolrOption solr = new SolrOption();

  @Option(names = "--json", description = "Print the API's JSON instead of text.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The profile of the name on the command line, or empty when no review has it. */
  abstract Optional<P> profile(Profiles profiles);

  /** What is said when no review has the name: "no review is by a critic named 'X'". */
  abstract String missing();

  abstract void print(P profile, PrintStream out);

  @Override
  public Integer call() throws Exception {
    String command = spec.name();
    var mapper = Json.newMapper();
    SolrConnection connection = solr.connection(spec.commandLine());
    if (connection == null && new IndexLayout(index.dir()).current().isEmpty()) {
      System.err.println("pullquote " + command + ": " + index.noIndexYet());
      return 1;
    }
    try (SearchBackend backend =
        Backends.of(index, connection, pullquote.search.Forgiveness.DEFAULT, mapper, false)) {
      backend.open();
      Optional<P> profile =
          profile(new Profiles(backend.service(), LinearSentimentModel.bundled()));
      if (profile.isEmpty()) {
        System.err.println("pullquote " + command + ": " + missing());
        return 1;
      }
      if (json) {
        System.out.println(
            mapper.writerWithDefaultPrettyPrinter().writeValueAsString(profile.get()));
      } else {
        print(profile.get(), System.out);
      }
      return 0;
    } catch (SearchUnavailableException e) {
      System.err.println("pullquote " + command + ": " + e.getMessage());
      return 1;
    } catch (InvalidParameterException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String mix(java.util.Map<String, Long> sentiment) {
    return "positive "
        + number(sentiment.get("positive"))
        + ", mixed "
        + number(sentiment.get("mixed"))
        + ", negative "
        + number(sentiment.get("negative"));
  }

  static String quoted(String text, int max) {
    String shown = text.length() <= max ? text : text.substring(0, max - 1) + "…";
    return "“" + shown + "”";
  }

  static String grade(Integer score, String raw) {
    if (score == null) {
      return raw == null ? "  -" : raw;
    }
    return String.format(Locale.ROOT, "%3d", score);
  }

  static <T> List<T> first(List<T> all, int n) {
    return all.subList(0, Math.min(n, all.size()));
  }
}

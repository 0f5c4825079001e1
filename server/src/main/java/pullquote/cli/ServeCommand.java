package pullquote.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import pullquote.index.IndexLayout;
import pullquote.index.solr.SolrConnection;
import pullquote.ingest.Json;
import pullquote.search.SearchBackend;
import pullquote.search.SearchUnavailableException;
import pullquote.server.ApiServer;

/** {@code pullquote serve}: the HTTP API and web page over the index, picking up rebuilds live. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the search page and JSON API over the index.",
      "With the default index and none built yet, the bundled sample data is indexed first.",
      "A rebuild published by 'pullquote index' is picked up within a second, without a restart."
    })
final class ServeCommand implements Callable<Integer> {

  @Mixin IndexOption index = new IndexOption();

  @Mixin SolrOption solr = new SolrOption();

  @Mixin ForgivenessOptions forgiving = new ForgivenessOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}).")
  int port = 7070;

  @Option(
      names = "--host",
      paramLabel = "H",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(
      names = "--web",
      paramLabel = "DIR",
      description = "Directory of the web page (default: web/ in the pullquote directory).")
  Path web;

  @Option(
      names = "--cors-origin",
      paramLabel = "ORIGIN",
      description =
          "An origin (https://films.example) whose pages may call the API from a browser;"
              + " repeatable. Default: none, and no CORS header is sent.")
  List<String> corsOrigins = List.of();

  @Option(
      names = "--access-log",
      description =
          "Print one line per request on standard output (logfmt: time, method, route, status,"
              + " ms, a search's hits, an error's code).")
  boolean accessLog;

  /** scheme://host[:port] and nothing else, as a browser sends it in Origin. */
  private static final java.util.regex.Pattern ORIGIN =
      java.util.regex.Pattern.compile(
          "https?://[a-z0-9.-]+(:[0-9]{1,5})?", java.util.regex.Pattern.CASE_INSENSITIVE);

  @Override
  public Integer call() throws Exception {
    Path dir = index.dir();
    if (web != null && !Files.isDirectory(web)) {
      System.err.println("pullquote serve: --web " + web + " is not a directory");
      return 2;
    }
    for (String origin : corsOrigins) {
      if (!ORIGIN.matcher(origin).matches()) {
        System.err.println(
            "pullquote serve: --cors-origin takes an origin such as https://films.example"
                + " (scheme, host and port only); got '"
                + origin
                + "'");
        return 2;
      }
    }
    SolrConnection solrConnection = solr.connection(spec.commandLine());
    var layout = new IndexLayout(dir);
    if (solrConnection == null && layout.current().isEmpty()) {
      if (!index.isDefault() || !Files.isDirectory(AppHome.sampleData())) {
        System.err.println("pullquote serve: " + index.noIndexYet());
        return 1;
      }
      System.out.println(
          "No index yet; indexing the bundled sample data in " + AppHome.sampleData() + " first.");
      int built = IndexCommand.buildSample(dir);
      if (built != 0) {
        return built;
      }
    }
    var json = Json.newMapper();
    try (SearchBackend backend =
        Backends.of(index, solrConnection, forgiving.forgiveness(spec.commandLine()), json, true)) {
      // The port is bound while the index opens (a large one takes a good part of a second), and
      // requests meanwhile get a 503 that says so.
      FutureTask<Void> opening = new FutureTask<>(backend::open, null);
      Thread.ofPlatform().name("index-open").start(opening);
      try (var server =
          new ApiServer(
              backend.service(), json, web != null ? web : AppHome.web(), corsOrigins, accessLog)) {
        return listenUntilStopped(server, backend, opening);
      } finally {
        // Whatever happened, the index is not closed under a refresh still opening it.
        awaitQuietly(opening);
      }
    }
  }

  private static void awaitQuietly(FutureTask<?> task) throws InterruptedException {
    try {
      task.get();
    } catch (ExecutionException e) {
      // reported by listenUntilStopped, or superseded by the failure that brought us here
    }
  }

  /**
   * Binds the port while the backend opens (meanwhile searches answer 503 {@code
   * index_unavailable}, as whenever nothing is served), and returns when the process is asked to
   * stop.
   */
  private int listenUntilStopped(ApiServer server, SearchBackend backend, FutureTask<Void> opening)
      throws InterruptedException {
    try {
      server.start(host, port);
    } catch (io.javalin.util.JavalinBindException e) {
      System.err.printf(
          "pullquote serve: cannot listen on %s:%d: the port is in use or not allowed;"
              + " pick another with --port%n",
          host, port);
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    try {
      opening.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      if (e.getCause() instanceof SearchUnavailableException unavailable) {
        // Never serve an index that does not open cleanly: a truncated file would mean wrong
        // answers. The operator gets the file and the fault, not a stack trace.
        System.err.println("pullquote serve: " + unavailable.getMessage());
        return 1;
      }
      throw new IllegalStateException("opening the backend failed", e.getCause());
    }
    server.warmProfiles();
    System.out.printf(
        "pullquote is serving %s at http://%s:%d/ (Ctrl-C to stop)%n",
        backend.describe(), host, server.port());
    stopped.await();
    return 0;
  }
}

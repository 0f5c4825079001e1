package pullquote.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import pullquote.index.IndexLayout;
import pullquote.index.ReviewFields;
import pullquote.ingest.Json;
import pullquote.ingest.Review;
import pullquote.search.ReviewSearchService;
import pullquote.search.profile.Profiles;
import pullquote.sentiment.LinearSentimentModel;

/**
 * {@code pullquote bench profiles}: how long the first request for a critic's or a work's profile
 * takes once a generation is warm (its work tallies counted), as a server meets it.
 */
@Command(
    name = "profiles",
    mixinStandardHelpOptions = true,
    description =
        "Time the first request for the profiles of critics and works drawn at random (each name"
            + " asked once, so none is answered from the profile cache), after the generation's"
            + " work tallies are counted, as a warmed server has them.")
final class BenchProfilesCommand implements Callable<Integer> {

  @Mixin IndexOption index = new IndexOption();

  @Mixin SolrOption solr = new SolrOption();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--count",
      paramLabel = "N",
      description = "Critics and works each (default: ${DEFAULT-VALUE}).")
  int count = 50;

  @Option(names = "--seed", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = 20261207L;

  @Override
  public Integer call() throws Exception {
    var connection = solr.connection(spec.commandLine());
    if (connection == null && new IndexLayout(index.dir()).current().isEmpty()) {
      System.err.println("pullquote bench profiles: " + index.noIndexYet());
      return 1;
    }
    try (var backend =
        Backends.of(
            index, connection, pullquote.search.Forgiveness.DEFAULT, Json.newMapper(), false)) {
      backend.open();
      ReviewSearchService service = backend.service();
      long start = System.nanoTime();
      List<String> works = new ArrayList<>(service.workTallies().keySet());
      double warm = (System.nanoTime() - start) / 1e6;
      Collections.sort(works);
      Collections.shuffle(works, new Random(seed));
      List<String> drawn = works.subList(0, Math.min(count, works.size()));
      List<String> critics = new ArrayList<>();
      for (String work : works.subList(Math.min(count, works.size()), works.size())) {
        if (critics.size() == count) {
          break;
        }
        service.reviewsOf(ReviewFields.WORK, work, 1).stream()
            .map(Review::critic)
            .filter(c -> c != null && !critics.contains(c))
            .findFirst()
            .ifPresent(critics::add);
      }
      var model = LinearSentimentModel.bundled();
      System.out.printf(
          Locale.ROOT,
          "%,d reviews, %,d works; work tallies counted in %.0f ms (when a generation is warmed)%n",
          service.health().reviews(),
          works.size(),
          warm);
      // Twice, each time with an empty profile cache: the first pass right after the warm-up,
      // the second in a JVM that has compiled what the first ran.
      // As a server does once its index is open (ApiServer.warmProfiles): one of each, not timed.
      long warming = System.nanoTime();
      new Profiles(service, model).warm();
      System.out.printf(
          Locale.ROOT,
          "profile warm-up (one work's, one critic's, as serve makes them): %.0f ms%n",
          (System.nanoTime() - warming) / 1e6);
      for (String pass : List.of("first pass", "second pass")) {
        System.out.println(pass + ":");
        var profiles = new Profiles(service, model);
        report("critic", critics, n -> profiles.critic(n, "score").map(p -> p.reviews()));
        report("work", drawn, n -> profiles.work(n).map(p -> p.reviews()));
      }
    }
    return 0;
  }

  private static void report(
      String kind, List<String> names, Function<String, java.util.Optional<Long>> profile) {
    List<Double> millis = new ArrayList<>();
    long most = 0;
    for (String name : names) {
      long start = System.nanoTime();
      long reviews = profile.apply(name).orElse(0L);
      millis.add((System.nanoTime() - start) / 1e6);
      most = Math.max(most, reviews);
    }
    if (millis.isEmpty()) {
      System.out.println(kind + ": none drawn");
      return;
    }
    double first = millis.getFirst();
    Collections.sort(millis);
    System.out.printf(
        Locale.ROOT,
        "  %-6s first request, %d names (up to %,d reviews): first %.1f ms; min %.1f, median"
            + " %.1f, p95 %.1f, max %.1f ms%n",
        kind,
        millis.size(),
        most,
        first,
        millis.getFirst(),
        millis.get(millis.size() / 2),
        millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.95) - 1)),
        millis.getLast());
  }
}

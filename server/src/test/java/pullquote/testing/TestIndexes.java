package pullquote.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.FSDirectory;
import pullquote.index.IndexBuilder;
import pullquote.index.IndexLayout;
import pullquote.index.LiveIndex;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewDocuments;
import pullquote.ingest.IngestOptions;
import pullquote.ingest.IngestProgress;
import pullquote.ingest.Ingestor;
import pullquote.ingest.Json;
import pullquote.ingest.SentimentResolver;
import pullquote.search.lucene.LuceneReviewSearchService;
import pullquote.sentiment.LinearSentimentModel;

/** Builds real indexes on disk from the project's fixtures, as the CLI would. */
public final class TestIndexes {

  /** The seed page the project ships as its sample data. */
  public static final Path SEED = Path.of("sample-data", "pusher.txt");

  /** Reviews with HTML/JS in their text and names, and a spread of scores and dates. */
  public static final Path EXTRA =
      Path.of("server", "src", "test", "resources", "fixtures", "search", "extra.jsonl");

  /**
   * Handwritten reviews with British and American spellings, near-synonyms, and one review under
   * two ids (merged at ingest), for the relevance benchmark.
   */
  public static final Path MISREMEMBERED =
      Path.of("server", "src", "test", "resources", "fixtures", "bench", "misremembered.jsonl");

  private TestIndexes() {}

  public static IndexBuilder builder() {
    var json = Json.newMapper();
    var ingestor =
        new Ingestor(
            new SentimentResolver(LinearSentimentModel.bundled()), json, IngestOptions.DEFAULT);
    return new IndexBuilder(ingestor, ReviewAnalyzers.create(), json, Clock.systemUTC());
  }

  public static IndexBuilder.Result build(Path indexDir, Path... inputs) throws IOException {
    return builder().build(new IndexLayout(indexDir), List.of(inputs), IngestProgress.NONE);
  }

  /**
   * Opens the index as the server does, and waits for its warming, so every search takes the path a
   * warmed generation takes (the facet arrays, not Lucene's facet counts meanwhile).
   */
  public static LiveIndex open(Path indexDir) throws IOException {
    LiveIndex live =
        new LiveIndex(new IndexLayout(indexDir), Json.newMapper(), LuceneReviewSearchService::warm);
    live.refresh();
    live.withSnapshot(
        snapshot -> {
          LuceneReviewSearchService.warm(snapshot);
          return null;
        });
    return live;
  }

  /** Every hit's id for the request, following {@code next_cursor} from pages of the size. */
  public static List<String> idsPageByPage(
      pullquote.search.ReviewSearchService search,
      pullquote.search.SearchRequest request,
      int size) {
    List<String> ids = new java.util.ArrayList<>();
    String cursor = null;
    do {
      var page = search.search(Requests.after(request, cursor, size));
      page.hits().forEach(h -> ids.add(h.id()));
      cursor = page.nextCursor();
    } while (cursor != null);
    return ids;
  }

  /**
   * Rewrites every review of an index's current generation into a new index, committing every
   * {@code segmentSize} reviews and never merging, each document as {@code edit} returns it: for
   * indexes the builder would not write (old schemas, many small segments).
   *
   * @return {@code to}, the new index's directory
   */
  public static Path rewrite(
      Path index, Path to, int segmentSize, java.util.function.UnaryOperator<Document> edit)
      throws IOException {
    Path from = new IndexLayout(index).current().orElseThrow();
    IndexLayout layout = new IndexLayout(java.nio.file.Files.createDirectories(to));
    Path generation = layout.newGeneration();
    try (var reader = DirectoryReader.open(FSDirectory.open(from));
        var writer =
            new IndexWriter(
                FSDirectory.open(generation),
                new IndexWriterConfig(ReviewAnalyzers.create())
                    .setMergePolicy(NoMergePolicy.INSTANCE))) {
      var stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        Document copy =
            ReviewDocuments.toDocument(ReviewDocuments.fromDocument(stored.document(doc)));
        writer.addDocument(edit.apply(copy));
        if (doc % segmentSize == segmentSize - 1) {
          writer.commit();
        }
      }
    }
    layout.publish(generation);
    return to;
  }

  public static LuceneReviewSearchService service(LiveIndex live) {
    return new LuceneReviewSearchService(live, ReviewAnalyzers.create());
  }
}

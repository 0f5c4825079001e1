package pullquote.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The second pass's hold-back: a review that may have copies (as the scan found) waits until its
 * cluster's last record has been read, then each review of the cluster goes on once, its copies
 * merged. Everything else goes on at once. Memory grows with the copies waiting, not the input.
 */
final class DuplicateMerger {

  private final DuplicateScan.Clusters clusters;
  private final IngestReport report;
  private final Consumer<Review> out;
  private final Map<Integer, List<Review>> waiting = new TreeMap<>();
  private int read;

  DuplicateMerger(DuplicateScan.Clusters clusters, IngestReport report, Consumer<Review> out) {
    this.clusters = clusters;
    this.report = report;
    this.out = out;
  }

  /** The next review read, in the order the scan saw its record. */
  void accept(Review review) {
    Integer cluster = clusters.clusterOf().get(read++);
    if (cluster == null) {
      out.accept(review);
      return;
    }
    List<Review> copies = waiting.computeIfAbsent(cluster, c -> new ArrayList<>());
    copies.add(review);
    if (copies.size() == clusters.sizes()[cluster]) {
      waiting.remove(cluster);
      release(copies);
    }
  }

  /**
   * Sends on what still waits: clusters whose last records did not come, as when an input changed
   * between the passes.
   */
  void finish() {
    List<List<Review>> left = new ArrayList<>(waiting.values());
    waiting.clear();
    left.forEach(this::release);
  }

  private void release(List<Review> copies) {
    for (List<Review> group : SameReview.groups(copies)) {
      if (group.size() == 1) {
        out.accept(group.getFirst());
        continue;
      }
      Review merged = SameReview.merge(group);
      for (int i = 1; i < group.size(); i++) {
        report.counted("duplicate copies merged");
      }
      List<String> disagreements = SameReview.disagreements(group);
      if (!disagreements.isEmpty()) {
        Review first = group.getFirst();
        Review last = group.getLast();
        report.noted(
            "merged copies disagree",
            new IngestProblem(
                last.source(),
                last.position(),
                null,
                "a copy of the review at "
                    + first.source()
                    + " line "
                    + first.position()
                    + "; kept "
                    + merged.id()
                    + " with the best-known values ("
                    + String.join("; ", disagreements)
                    + ")"));
      }
      out.accept(merged);
    }
  }
}

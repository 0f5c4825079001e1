package pullquote.ingest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongBiFunction;

/**
 * The first of ingest's two passes: a 64-bit hash of every record's work and text, in reading
 * order, to learn which records may be copies of others before any is written. Only those are held
 * back in the second pass ({@link DuplicateMerger}); the exact rule ({@link SameReview}) then tells
 * apart records that merely share a hash. Eight bytes a record: a million records take 8 MB here.
 */
final class DuplicateScan {

  /**
   * Which records share a hash with another.
   *
   * @param clusterOf a record's cluster, by its position among the records read (0-based); records
   *     that share no hash are absent
   * @param sizes each cluster's number of records
   */
  record Clusters(Map<Integer, Integer> clusterOf, int[] sizes) {
    static final Clusters NONE = new Clusters(Map.of(), new int[0]);
  }

  private final ToLongBiFunction<String, String> hash;
  private long[] hashes = new long[1024];
  private int count;

  DuplicateScan() {
    this(SameReview::hash);
  }

  /** With another hash: tests use a poor one to put different reviews in one cluster. */
  DuplicateScan(ToLongBiFunction<String, String> hash) {
    this.hash = hash;
  }

  void add(String work, String text) {
    if (count == hashes.length) {
      hashes = Arrays.copyOf(hashes, count * 2);
    }
    hashes[count++] = hash.applyAsLong(work, text);
  }

  Clusters clusters() {
    long[] sorted = Arrays.copyOf(hashes, count);
    Arrays.sort(sorted);
    Set<Long> shared = new HashSet<>();
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        shared.add(sorted[i]);
      }
    }
    if (shared.isEmpty()) {
      return Clusters.NONE;
    }
    Map<Long, Integer> clusterByHash = new HashMap<>();
    Map<Integer, Integer> clusterOf = new HashMap<>();
    int[] sizes = new int[shared.size()];
    for (int record = 0; record < count; record++) {
      if (shared.contains(hashes[record])) {
        int cluster = clusterByHash.computeIfAbsent(hashes[record], h -> clusterByHash.size());
        clusterOf.put(record, cluster);
        sizes[cluster]++;
      }
    }
    return new Clusters(clusterOf, sizes);
  }
}

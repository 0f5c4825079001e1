package pullquote.sentiment;

/**
 * An open-addressing map from a feature hash to its two weights, built once when a model loads. Key
 * and weights sit side by side in one array, so a lookup touches one cache line: with separate key,
 * slot and weight arrays a lookup missed the cache up to four times, and lookups were 40% of
 * classification time.
 */
final class WeightTable {

  /** An entry's ints: key, polarity weight bits, mixed weight bits, occupied flag. */
  private static final int STRIDE = 4;

  private final int[] entries;
  private final int mask;

  /**
   * @param hashes the model's feature hashes, distinct
   * @param polarity the polarity weight of each hash
   * @param mixedness the mixed weight of each hash
   */
  WeightTable(int[] hashes, float[] polarity, float[] mixedness) {
    int capacity = Integer.highestOneBit(Math.max(4, hashes.length + hashes.length / 2)) << 1;
    entries = new int[capacity * STRIDE];
    mask = capacity - 1;
    for (int f = 0; f < hashes.length; f++) {
      int at = firstFree(hashes[f]);
      entries[at] = hashes[f];
      entries[at + 1] = Float.floatToRawIntBits(polarity[f]);
      entries[at + 2] = Float.floatToRawIntBits(mixedness[f]);
      entries[at + 3] = 1;
    }
  }

  private int firstFree(int hash) {
    int i = spread(hash) & mask;
    while (entries[i * STRIDE + 3] != 0) {
      i = (i + 1) & mask;
    }
    return i * STRIDE;
  }

  /** Where the hash's entry is, or -1; the position also names the feature (each has one). */
  int find(int hash) {
    int i = spread(hash) & mask;
    while (true) {
      int at = i * STRIDE;
      if (entries[at + 3] == 0) {
        return -1;
      }
      if (entries[at] == hash) {
        return at;
      }
      i = (i + 1) & mask;
    }
  }

  float polarity(int at) {
    return Float.intBitsToFloat(entries[at + 1]);
  }

  float mixedness(int at) {
    return Float.intBitsToFloat(entries[at + 2]);
  }

  private static int spread(int h) {
    return h * 0x9E3779B9 ^ (h >>> 16);
  }
}

package pullquote.sentiment;

/** An open-addressing map from a feature hash to its slot, built once when a model loads. */
final class SlotTable {

  private final int[] keys;
  private final int[] values;
  private final int mask;

  /**
   * @param hashes the model's feature hashes; slot i holds hashes[i]
   */
  SlotTable(int[] hashes) {
    int capacity = Integer.highestOneBit(Math.max(4, hashes.length * 2 - 1)) << 1;
    keys = new int[capacity];
    values = new int[capacity];
    mask = capacity - 1;
    for (int slot = 0; slot < hashes.length; slot++) {
      int i = spread(hashes[slot]) & mask;
      while (values[i] != 0) {
        i = (i + 1) & mask;
      }
      keys[i] = hashes[slot];
      values[i] = slot + 1;
    }
  }

  /** The slot of the hash, or -1. */
  int find(int hash) {
    int i = spread(hash) & mask;
    while (values[i] != 0) {
      if (keys[i] == hash) {
        return values[i] - 1;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  private static int spread(int h) {
    return h * 0x9E3779B9 ^ (h >>> 16);
  }
}

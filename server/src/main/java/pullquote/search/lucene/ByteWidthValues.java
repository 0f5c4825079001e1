package pullquote.search.lucene;

import org.apache.lucene.util.BitUtil;

/**
 * One unsigned value per document in as many whole bytes as its bits need, each read with one
 * unaligned little-endian load and a mask, as Lucene's {@code DirectReader} reads its 40-bit
 * values. With bit-packed storage ({@code PagedMutable}) a read took ~11 ns in a probe, half of
 * counting facets; with this one, counting the 210,806 hits of a word took 3.6 ms instead of 7.0.
 * Pages stay well under half of G1's smallest region (1 MB), so none needs a contiguous run of
 * regions.
 */
final class ByteWidthValues {

  private static final int PAGE_SHIFT = 15;
  private static final int PAGE_MASK = (1 << PAGE_SHIFT) - 1;

  /** Bytes past a page's last value, so its 8-byte load stays inside the page. */
  private static final int PADDING = Long.BYTES - 1;

  private final byte[][] pages;
  private final int width;
  private final long mask;

  /**
   * @param bits how many low bits of each value are kept, 1 to 64
   */
  ByteWidthValues(int size, int bits) {
    if (bits < 1 || bits > 64) {
      throw new IllegalArgumentException("bits must be 1 to 64, got " + bits);
    }
    this.width = (bits + 7) / 8;
    this.mask = bits == 64 ? -1L : (1L << bits) - 1;
    this.pages = new byte[(size + PAGE_MASK) >>> PAGE_SHIFT][];
    for (int p = 0; p < pages.length; p++) {
      int values = Math.min(PAGE_MASK + 1, size - (p << PAGE_SHIFT));
      pages[p] = new byte[values * width + PADDING];
    }
  }

  void set(int index, long value) {
    byte[] page = pages[index >>> PAGE_SHIFT];
    int offset = (index & PAGE_MASK) * width;
    for (int i = 0; i < width; i++) {
      page[offset + i] = (byte) (value >>> (Byte.SIZE * i));
    }
  }

  long get(int index) {
    return (long) BitUtil.VH_LE_LONG.get(pages[index >>> PAGE_SHIFT], (index & PAGE_MASK) * width)
        & mask;
  }
}

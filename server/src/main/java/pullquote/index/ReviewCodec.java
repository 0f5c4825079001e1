package pullquote.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with stored fields in small chunks. Every search page reads the stored
 * fields of its ten hits, and with the default format each read decompresses a shared dictionary
 * and an 8 KB block: profiling the HTTP search put a quarter to half of its CPU time there. Chunks
 * of at most 4 KB or 16 reviews, compressed with plain LZ4, make a read decompress about 2 KB, for
 * a somewhat larger stored-fields file. Found by name through Lucene's codec SPI
 * (META-INF/services), so readers need nothing set.
 */
public final class ReviewCodec extends FilterCodec {

  public static final String NAME = "PullquoteReviews104";

  private final StoredFieldsFormat storedFields =
      new Lucene90CompressingStoredFieldsFormat(
          "PullquoteStoredFields", CompressionMode.FAST, 4 * 1024, 16, 10);

  public ReviewCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}

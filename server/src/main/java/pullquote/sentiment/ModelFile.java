package pullquote.sentiment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The model file: gzipped, a magic number, the JSON metadata, the feature hashes, each head's
 * weights and the calibration. Reading checks the sizes it is told before trusting them, so a
 * corrupt or foreign file fails in one sentence instead of allocating gigabytes.
 */
final class ModelFile {

  private static final int MAGIC = 0x50515331;
  private static final int MAX_METADATA = 1 << 20;
  private static final int MAX_FEATURES = 50_000_000;

  /** What a model file holds. */
  record Contents(LinearSentimentModel.Parameters parameters, String metadata) {
    Contents {
      java.util.Objects.requireNonNull(parameters);
      java.util.Objects.requireNonNull(metadata);
    }
  }

  private ModelFile() {}

  /** Writes a model; the same model always gives the same bytes. */
  static void write(LinearSentimentModel.Parameters p, String metadata, OutputStream out)
      throws IOException {
    try (DataOutputStream data =
        new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(out)))) {
      data.writeInt(MAGIC);
      byte[] meta = metadata.getBytes(StandardCharsets.UTF_8);
      data.writeInt(meta.length);
      data.write(meta);
      data.writeInt(p.hashes().length);
      for (int h : p.hashes()) {
        data.writeInt(h);
      }
      for (float w : p.polarity()) {
        data.writeFloat(w);
      }
      for (float w : p.mixedness()) {
        data.writeFloat(w);
      }
      for (double d :
          new double[] {
            p.polarityBias(),
            p.mixedBias(),
            p.polarityScale(),
            p.polarityShift(),
            p.mixedScale(),
            p.mixedShift(),
            p.mixedThreshold(),
            p.positiveCut(),
            p.negativeCut()
          }) {
        data.writeDouble(d);
      }
    }
  }

  /** Reads a model written by {@link #write}. */
  static Contents read(InputStream in) throws IOException {
    DataInputStream data =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(in), 1 << 16));
    if (data.readInt() != MAGIC) {
      throw new IOException("not a pullquote sentiment model");
    }
    int metaLength = data.readInt();
    if (metaLength < 0 || metaLength > MAX_METADATA) {
      throw new IOException("corrupt sentiment model: metadata of " + metaLength + " bytes");
    }
    byte[] meta = new byte[metaLength];
    data.readFully(meta);
    int n = data.readInt();
    if (n < 0 || n > MAX_FEATURES) {
      throw new IOException("corrupt sentiment model: " + n + " features");
    }
    int[] hashes = new int[n];
    float[] polarity = new float[n];
    float[] mixedness = new float[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = data.readInt();
    }
    for (int i = 0; i < n; i++) {
      polarity[i] = data.readFloat();
    }
    for (int i = 0; i < n; i++) {
      mixedness[i] = data.readFloat();
    }
    double[] d = new double[9];
    for (int i = 0; i < d.length; i++) {
      d[i] = data.readDouble();
    }
    return new Contents(
        new LinearSentimentModel.Parameters(
            hashes, polarity, mixedness, d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]),
        new String(meta, StandardCharsets.UTF_8));
  }
}

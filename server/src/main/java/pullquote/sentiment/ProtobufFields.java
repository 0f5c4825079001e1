package pullquote.sentiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one protocol-buffer message held in a buffer, in order, as the wire format
 * lays them out: just what reading the base's weights out of an ONNX file, and rewriting a graph's
 * nodes ({@link QuantisedGraph}), need. Length-delimited values come as views of the buffer, so the
 * 90 MB file is never copied to be parsed. (protobuf-java did this through sun.misc.Unsafe, which
 * JDK 24 and later warn about on the terminal.)
 */
final class ProtobufFields {

  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final ByteBuffer message;
  private int tag;

  /** The message from the buffer's position to its limit. */
  ProtobufFields(ByteBuffer message) {
    this.message = message.slice();
  }

  /** Where the next field starts, counted from the message's first byte. */
  int position() {
    return message.position();
  }

  /** The message's bytes from {@code from} up to the current field's end: a field as written. */
  ByteBuffer span(int from) {
    return message.slice(from, message.position() - from);
  }

  /** Whether any bytes are left (for a packed repeated field's values). */
  boolean hasMore() {
    return message.hasRemaining();
  }

  /** Moves to the next field; false at the end of the message. */
  boolean next() throws IOException {
    if (!message.hasRemaining()) {
      return false;
    }
    long read = varint();
    if (read >>> 32 != 0 || read >>> 3 == 0) {
      throw damaged();
    }
    tag = (int) read;
    return true;
  }

  int number() {
    return tag >>> 3;
  }

  int wireType() {
    return tag & 7;
  }

  long varint() throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!message.hasRemaining()) {
        throw damaged();
      }
      byte b = message.get();
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw damaged();
  }

  /** A length-delimited value, as a view of the buffer from its first byte to its last. */
  ByteBuffer bytes() throws IOException {
    long length = varint();
    if (length < 0 || length > message.remaining()) {
      throw damaged();
    }
    ByteBuffer value = message.slice(message.position(), (int) length);
    message.position(message.position() + (int) length);
    return value;
  }

  String string() throws IOException {
    return StandardCharsets.UTF_8.decode(bytes()).toString();
  }

  /** Passes over the current field's value. */
  void skip() throws IOException {
    int length =
        switch (wireType()) {
          case VARINT -> {
            varint();
            yield 0;
          }
          case FIXED64 -> 8;
          case LENGTH_DELIMITED -> {
            bytes();
            yield 0;
          }
          case FIXED32 -> 4;
          default -> throw damaged(); // groups: ONNX has none
        };
    if (length > message.remaining()) {
      throw damaged();
    }
    message.position(message.position() + length);
  }

  private static IOException damaged() {
    return new IOException("not a readable ONNX file");
  }
}

package pullquote.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Uncased BERT WordPiece, as the transformer's {@code tokenizer.json} describes it (Hugging Face's
 * BertNormalizer, BertPreTokenizer and WordPiece model), in plain Java: no native library for a few
 * hundred lines of rules. {@code WordPieceParityTest} holds it to Hugging Face's own implementation
 * on thousands of texts.
 */
public final class WordPieceTokenizer {

  private static final int MAX_WORD_CHARS = 100;

  private final Map<String, Integer> vocab;
  private final int cls;
  private final int sep;
  private final int unk;

  private WordPieceTokenizer(Map<String, Integer> vocab) {
    this.vocab = vocab;
    this.cls = id(vocab, "[CLS]");
    this.sep = id(vocab, "[SEP]");
    this.unk = id(vocab, "[UNK]");
  }

  /**
   * A tokenizer over that vocabulary (token to id), as {@link #vocabulary} gave it. The map is used
   * as it is, not copied (30,522 entries, at each model load): it must not change afterwards.
   */
  static WordPieceTokenizer of(Map<String, Integer> vocab) {
    return new WordPieceTokenizer(vocab);
  }

  /** Its vocabulary: token to id. */
  Map<String, Integer> vocabulary() {
    return java.util.Collections.unmodifiableMap(vocab);
  }

  private static int id(Map<String, Integer> vocab, String token) {
    Integer id = vocab.get(token);
    if (id == null) {
      throw new IllegalArgumentException("the vocabulary has no " + token);
    }
    return id;
  }

  /** Reads the vocabulary of a Hugging Face {@code tokenizer.json} with a WordPiece model. */
  public static WordPieceTokenizer read(InputStream tokenizerJson) throws IOException {
    JsonNode model = new ObjectMapper().readTree(tokenizerJson).path("model");
    if (!"WordPiece".equals(model.path("type").asText())) {
      throw new IOException("not a WordPiece tokenizer.json");
    }
    Map<String, Integer> vocab = new HashMap<>();
    model.path("vocab").properties().forEach(e -> vocab.put(e.getKey(), e.getValue().asInt()));
    return new WordPieceTokenizer(vocab);
  }

  /**
   * The ids the model reads: {@code [CLS]}, the text's pieces, {@code [SEP]}; at most maxLength.
   */
  public int[] encode(String text, int maxLength) {
    if (maxLength < 2) {
      throw new IllegalArgumentException("maxLength must leave room for [CLS] and [SEP]");
    }
    List<Integer> ids = new ArrayList<>();
    ids.add(cls);
    for (String word : words(text)) {
      pieces(word, ids);
      if (ids.size() >= maxLength - 1) {
        break;
      }
    }
    int n = Math.min(ids.size(), maxLength - 1);
    int[] out = new int[n + 1];
    for (int i = 0; i < n; i++) {
      out[i] = ids.get(i);
    }
    out[n] = sep;
    return out;
  }

  /** The normalised text split into words and single punctuation marks. */
  List<String> words(String text) {
    String normal = normalize(text);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < normal.length(); ) {
      int c = normal.codePointAt(i);
      i += Character.charCount(c);
      if (isWhitespace(c) || isPunctuation(c)) {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word.setLength(0);
        }
        if (!isWhitespace(c)) {
          words.add(Character.toString(c));
        }
      } else {
        word.appendCodePoint(c);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * BertNormalizer: drop NUL, U+FFFD and control characters, turn white space into spaces, space
   * out CJK ideographs, strip accents (NFD, then no non-spacing marks), lower-case one character at
   * a time (as Rust's {@code char::to_lowercase}: no final-sigma rule).
   */
  static String normalize(String text) {
    StringBuilder cleaned = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == 0 || c == 0xFFFD || isControl(c)) {
        continue;
      }
      if (isWhitespace(c)) {
        cleaned.append(' ');
      } else if (isCjk(c)) {
        cleaned.append(' ').appendCodePoint(c).append(' ');
      } else {
        cleaned.appendCodePoint(c);
      }
    }
    String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (c < 0x80) {
        out.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
      } else {
        out.append(Character.toString(c).toLowerCase(Locale.ROOT));
      }
    }
    return out.toString();
  }

  private void pieces(String word, List<Integer> ids) {
    if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
      ids.add(unk);
      return;
    }
    int before = ids.size();
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      Integer found = null;
      while (start < end) {
        String piece = start == 0 ? word.substring(0, end) : "##" + word.substring(start, end);
        found = vocab.get(piece);
        if (found != null) {
          break;
        }
        end = word.offsetByCodePoints(end, -1);
      }
      if (found == null) {
        ids.subList(before, ids.size()).clear();
        ids.add(unk);
        return;
      }
      ids.add(found);
      start = end;
    }
  }

  private static boolean isWhitespace(int c) {
    if (c == '\t' || c == '\n' || c == '\r' || c == ' ') {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  private static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    int type = Character.getType(c);
    // Unassigned code points are kept, as Hugging Face keeps them (they become [UNK]).
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE;
  }

  private static boolean isPunctuation(int c) {
    if ((c >= 33 && c <= 47)
        || (c >= 58 && c <= 64)
        || (c >= 91 && c <= 96)
        || (c >= 123 && c <= 126)) {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION ->
          true;
      default -> false;
    };
  }

  private static boolean isCjk(int c) {
    return (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x20000 && c <= 0x2A6DF)
        || (c >= 0x2A700 && c <= 0x2B73F)
        || (c >= 0x2B740 && c <= 0x2B81F)
        || (c >= 0x2B920 && c <= 0x2CEAF)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x2F800 && c <= 0x2FA1F);
  }
}

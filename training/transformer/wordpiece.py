"""Uncased BERT WordPiece tokenization, as all-MiniLM-L6-v2's tokenizer.json describes it.

The same rules as the product's Java tokenizer (pullquote.sentiment.WordPieceTokenizer), which a
test checks against Hugging Face's own implementation; this copy serves training only.
"""
import json
import unicodedata

CLS, SEP, PAD, UNK = "[CLS]", "[SEP]", "[PAD]", "[UNK]"
MAX_WORD_CHARS = 100


def _is_whitespace(c):
    # Rust's char::is_whitespace, less the control characters cleaning has removed already
    return c in "\t\n\r" or unicodedata.category(c) in ("Zs", "Zl", "Zp")


def _is_control(c):
    if c in "\t\n\r":
        return False
    return unicodedata.category(c) in ("Cc", "Cf", "Cn", "Co", "Cs")


def _is_punctuation(c):
    cp = ord(c)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(c).startswith("P")


def _is_cjk(cp):
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B920 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


class WordPiece:
    def __init__(self, tokenizer_json):
        with open(tokenizer_json, encoding="utf-8") as f:
            spec = json.load(f)
        self.vocab = spec["model"]["vocab"]
        self.cls, self.sep, self.pad, self.unk = (self.vocab[t] for t in (CLS, SEP, PAD, UNK))

    def normalize(self, text):
        out = []
        for c in text:
            if c == "\0" or c == "\ufffd" or _is_control(c):
                continue
            if _is_whitespace(c):
                out.append(" ")
            elif _is_cjk(ord(c)):
                out.append(" " + c + " ")
            else:
                out.append(c)
        text = unicodedata.normalize("NFD", "".join(out))
        text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        # one character at a time, as Rust's char::to_lowercase: no final-sigma rule
        return "".join(c.lower() for c in text)

    def words(self, text):
        words, current = [], []
        for c in self.normalize(text):
            if c.isspace():
                if current:
                    words.append("".join(current))
                    current = []
            elif _is_punctuation(c):
                if current:
                    words.append("".join(current))
                    current = []
                words.append(c)
            else:
                current.append(c)
        if current:
            words.append("".join(current))
        return words

    def pieces(self, word):
        if len(word) > MAX_WORD_CHARS:
            return [self.unk]
        ids, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    found = self.vocab[piece]
                    break
                end -= 1
            if found is None:
                return [self.unk]
            ids.append(found)
            start = end
        return ids

    def encode(self, text, max_length=128):
        ids = []
        for word in self.words(text):
            ids.extend(self.pieces(word))
            if len(ids) >= max_length - 2:
                break
        return [self.cls] + ids[: max_length - 2] + [self.sep]

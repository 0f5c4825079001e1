"""all-MiniLM-L6-v2 in PyTorch, with its weights read from the ONNX file the Maven artifact ships,
and the two sentiment heads the product reads: polarity (positive against negative) and mixed.
"""
import math

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn

HIDDEN, LAYERS, HEADS, INTERMEDIATE, VOCAB, POSITIONS = 384, 6, 12, 1536, 30522, 512


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.attention_out = nn.Linear(HIDDEN, HIDDEN)
        self.attention_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.intermediate = nn.Linear(HIDDEN, INTERMEDIATE)
        self.out = nn.Linear(INTERMEDIATE, HIDDEN)
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
    """Mean-pooled MiniLM with a linear head: logits[:, 0] polarity, logits[:, 1] mixed."""

    def __init__(self):
        super().__init__()
        self.word = nn.Embedding(VOCAB, HIDDEN)
        self.position = nn.Embedding(POSITIONS, HIDDEN)
        self.token_type = nn.Embedding(2, HIDDEN)
        self.embedding_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(HIDDEN, 2)

    def forward(self, input_ids, attention_mask):
        positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        x = self.word(input_ids) + self.position(positions) + self.token_type.weight[0]
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
    """Each MatMul's weight, named by the bias its result is added to (the export leaves the
    weights unnamed)."""
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
                named[bias[: -len(".bias")]] = values[node.input[1]]
    return named


def load_base(onnx_path):
    """The encoder with the artifact's weights; the head starts at zero (no opinion)."""
    graph = onnx.load(onnx_path).graph
    values = _initializers(graph)
    weights = _matmul_weights(graph, values)
    model = SentimentMiniLM()

    def put(param, array):
        assert tuple(param.shape) == array.shape, (param.shape, array.shape)
        param.data.copy_(torch.from_numpy(np.ascontiguousarray(array)))

    put(model.word.weight, values["embeddings.word_embeddings.weight"])
    put(model.position.weight, values["embeddings.position_embeddings.weight"])
    put(model.token_type.weight, values["embeddings.token_type_embeddings.weight"])
    put(model.embedding_norm.weight, values["embeddings.LayerNorm.weight"])
    put(model.embedding_norm.bias, values["embeddings.LayerNorm.bias"])
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
            put(linear.weight, weights[prefix + theirs].T)  # ONNX keeps [in, out]
            put(linear.bias, values[prefix + theirs + ".bias"])
        put(layer.attention_norm.weight, values[prefix + "attention.output.LayerNorm.weight"])
        put(layer.attention_norm.bias, values[prefix + "attention.output.LayerNorm.bias"])
        put(layer.out_norm.weight, values[prefix + "output.LayerNorm.weight"])
        put(layer.out_norm.bias, values[prefix + "output.LayerNorm.bias"])
    nn.init.zeros_(model.head.weight)
    nn.init.zeros_(model.head.bias)
    return model

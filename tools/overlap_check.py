"""Data hygiene: do sentences of the evaluation sets appear in what the project ships or trains on?

Usage: python tools/overlap_check.py [--corpora ../shared/corpora] [--n 8] [--json]

Every sentence of PLV train, the PLOVER GSR and the ConfliBERT cameo sets (class and NER) is cut into
word n-grams (default 8 words, lower-cased, punctuation dropped). The check reads the team's training
examples (``training/``), the packaged data files (``src/eventwire/data/``: patterns, dictionaries,
word lists, tables), the project's own gold sets (``tests/gold/``) and the tests (``tests/*.py``), and
reports for each evaluation set how many of its sentences share at least one n-gram with them, and
where. An n-gram of 8 words is long enough that a shared one means a copied phrase, not a common
expression. Evaluation sets are for evaluation only (see the README's data rules).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from eventwire.evaluate.datasets import load_cameo_class, load_cameo_ner, load_plover_gsr, load_plv

REPO = Path(__file__).resolve().parents[1]
_WORD = re.compile(r"[a-z0-9]+")


def shingles(text: str, n: int) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def eval_sentences(corpora: Path) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    plv = corpora / "plv-train" / "PLV_train.tsv"
    if plv.exists():
        sets["plv-train"] = sorted({r.sentence for r in load_plv(plv)})
    gsr = corpora / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    if gsr.exists():
        sets["plover-gsr"] = [r.text for r in load_plover_gsr(gsr)]
    for split in ("train", "dev", "test"):
        cls = corpora / "cameo-pentaclass" / "cameo_class" / f"{split}.tsv"
        if cls.exists():
            sets[f"cameo-class-{split}"] = [r.sentence for r in load_cameo_class(cls)]
        ner = corpora / "cameo-pentaclass" / "cameo_ner" / f"{split}.txt"
        if ner.exists():
            sets[f"cameo-ner-{split}"] = [" ".join(r.tokens) for r in load_cameo_ner(ner)]
    return sets


def project_files() -> list[Path]:
    roots = [REPO / "training", REPO / "src" / "eventwire" / "data", REPO / "tests" / "gold"]
    files = [p for root in roots for p in root.rglob("*") if p.is_file() and p.suffix != ".pyc"]
    files += sorted((REPO / "tests").glob("*.py"))
    return sorted(files)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    parser.add_argument("--n", type=int, default=8)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    index: dict[tuple[str, ...], str] = {}
    for path in project_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for gram in shingles(text, args.n):
            index.setdefault(gram, str(path.relative_to(REPO)))
    report: dict[str, dict[str, object]] = {}
    for name, sentences in eval_sentences(args.corpora).items():
        hits: dict[str, int] = {}
        shared = 0
        for sentence in sentences:
            where = {index[g] for g in shingles(sentence, args.n) if g in index}
            if where:
                shared += 1
                for w in where:
                    hits[w] = hits.get(w, 0) + 1
        report[name] = {"sentences": len(sentences), "sharing_an_ngram": shared, "where": hits}
    if args.json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:
        for name, r in report.items():
            sys.stdout.write(
                f"{name:18} {r['sharing_an_ngram']:4} of {r['sentences']:5} sentences  {r['where']}\n"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

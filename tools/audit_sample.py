"""Random-sample audit of coded events (issue 15): draw, then score the judgements (docs/audit.md).

Usage:
    python tools/audit_sample.py draw [--corpora ../shared/corpora] [--out docs/audit/sample.jsonl]
    python tools/audit_sample.py report [--sample docs/audit/sample.jsonl]
                                        [--judgements docs/audit/judgements.jsonl] [--json]
    python tools/audit_sample.py pool [--corpora ../shared/corpora] [--audit docs/audit]

``draw`` codes two sets with the default pipeline and draws 60 asserted events from each with a fixed seed:

* the whole Wikinews sample (``wikinews-sample/*.csv``, CC BY 2.5), read as ``eventwire ingest`` reads
  a CSV collection;
* 150 Reuters-21578 stories (research use only; not copied here beyond the sampled sentences), the
  first 150 of the stories whose PLACES name at least two countries after a shuffle with seed 1987
  (the next 400 were the development set the coder was read against; these 150 were not), read as
  ``eventwire ingest`` reads JSONL records.

Each drawn event is written with its sentence, trigger, source, target, CAMEO code and name, date
and location (with ``--context`` also the text before the sentence), for a judge who reads the
sentence and docs/annotation.md.  ``report`` joins the
judgements (one JSON object per line: ``id``, ``root`` / ``source`` / ``target`` each true or false,
``reason``) with the sample, prints the figures of the acceptance (event root right; root, source
and target all right) per set and overall, and the list of errors by kind.  ``pool`` scores every
asserted event of the current coder that any round judged, a steadier figure than one draw.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.errors import DocumentError
from eventwire.evaluate.reuters import reuters_stories as read_reuters
from eventwire.extract.article import extract_article
from eventwire.models import Article, Event, RawDocument
from eventwire.pipeline import CodedArticle, Pipeline

REPO = Path(__file__).resolve().parents[1]
SEED = 15  # the draw
REUTERS_SEED = 1987  # the story selection (shared with the development set)
PER_SET = 60
REUTERS_STORIES = 150


def reuters_stories(corpora: Path) -> list[dict[str, str]]:
    """The 150 audit stories: Reuters-21578 bodies whose PLACES name two or more countries,
    shuffled with seed 1987; the first 150."""
    multi = [d for d in read_reuters(corpora / "reuters21578" / "sgm") if len(d["places"]) >= 2]
    random.Random(REUTERS_SEED).shuffle(multi)
    return [{k: str(v) for k, v in d.items() if k != "places"} for d in multi[:REUTERS_STORIES]]


def reuters_articles(corpora: Path) -> list[Article | DocumentError]:
    """The Reuters audit stories as articles, read as ``eventwire ingest`` reads JSONL records."""
    out: list[Article | DocumentError] = []
    for r in reuters_stories(corpora):
        meta = {k: v for k, v in r.items() if k != "text"}
        raw = RawDocument(source=f"audit:{r['id']}", kind="jsonl", content=r["text"], meta=meta)
        try:
            out.append(extract_article(raw))
        except DocumentError as err:
            out.append(err)
    return out


def asserted(coded: Iterable[CodedArticle | DocumentError]) -> list[tuple[Event, Article]]:
    """The asserted events of coded articles with their articles, in input order."""
    return [
        (e, item.article)
        for item in coded
        if not isinstance(item, DocumentError)
        for e in item.events
        if e.status == "asserted"
    ]


def _row(set_name: str, e: Event, article: Article, context: bool) -> dict[str, Any]:
    def actor(m: Any) -> dict[str, str] | None:
        return None if m is None else {"text": m.text, "code": m.code}

    return {
        "id": f"{set_name}:{e.event_id}",
        "set": set_name,
        "article": e.article_id,
        "title": article.title,
        "published": article.published,
        "sentence": e.sentence_text,
        "trigger": e.trigger,
        "source": actor(e.source),
        "target": actor(e.target),
        "cameo": e.cameo,
        "cameo_name": e.cameo_name,
        "date": e.date,
        "date_precision": e.date_precision,
        "location": e.location.name if e.location else None,
    } | ({"before": _before(article.text, e.sentence_text)} if context else {})


def _before(text: str, sentence: str, width: int = 600) -> str:
    """The text before the sentence (for pronouns and the story's setting)."""
    at = text.find(sentence[:80])
    return text[max(0, at - width) : at].strip() if at > 0 else ""


def coded_sets(corpora: Path) -> tuple[tuple[str, Iterable[CodedArticle | DocumentError]], ...]:
    """The two audited sets, coded by the default pipeline: the Wikinews CSV collection as ingest reads
    it, and the Reuters audit stories."""
    pipeline = Pipeline()
    return (
        ("wikinews", pipeline.run([str(corpora / "wikinews-sample")])),
        ("reuters", pipeline.code_articles(reuters_articles(corpora))),
    )


def draw(corpora: Path, out: Path, context: bool = False) -> int:
    rng = random.Random(SEED)
    rows = []
    for name, coded in coded_sets(corpora):
        events = asserted(coded)
        rows += [
            _row(name, e, article, context) for e, article in rng.sample(events, min(PER_SET, len(events)))
        ]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    sys.stdout.write(f"{len(rows)} events drawn -> {out}\n")
    return 0


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two coded events the same event for a judgement: set, sentence, trigger, codes."""
    target = row.get("target")
    return (row["set"], row["sentence"], row["trigger"], (row["source"] or {}).get("code"),
            target.get("code") if target else None, row["cameo"])  # fmt: skip


def pool(corpora: Path, audit: Path) -> int:
    """Every asserted event of the current coder that some round judged (same set, sentence, trigger,
    codes), with the share judged right: a larger and steadier sample than one draw of 120, though it
    leaves out the events no round has drawn yet."""
    known: dict[tuple[Any, ...], dict[str, Any]] = {}
    samples = sorted(audit.glob("round*-sample.jsonl"), key=lambda p: int(p.name[5:].split("-")[0]))
    for sample in [*samples, audit / "sample.jsonl"]:
        rows = {r["id"]: r for r in map(json.loads, sample.read_text(encoding="utf-8").splitlines())}
        judgements = sample.with_name(sample.name.replace("sample", "judgements"))
        for line in judgements.read_text(encoding="utf-8").splitlines():
            judged = json.loads(line)
            if judged["id"] in rows:
                known[_key(rows[judged["id"]])] = judged
    out: dict[str, dict[str, float]] = {}
    for name, coded in coded_sets(corpora):
        events = [_row(name, e, article, False) for e, article in asserted(coded)]
        found = [known[_key(r)] for r in events if _key(r) in known]
        n = len(found) or 1
        out[name] = {
            "events": len(events),
            "judged": len(found),
            "root_right": round(sum(bool(j["root"]) for j in found) / n, 3),
            "source_right": round(sum(bool(j["source"]) for j in found) / n, 3),
            "target_right": round(sum(bool(j["target"]) for j in found) / n, 3),
            "all_right": round(sum(bool(j["root"] and j["source"] and j["target"]) for j in found) / n, 3),
        }
    sys.stdout.write(json.dumps(out, indent=2) + "\n")
    return 0


def _actor(a: dict[str, str] | None) -> str:
    return "-" if a is None else f"{a['code'] or '?'} ({a['text']!r})".replace("\n", " ")


def _markdown(rows: dict[str, Any], judged: list[dict[str, Any]], figures: dict[str, Any]) -> str:
    """The judged events, one entry each with the judge's reason, after the figures."""
    out = [
        "## Figures",
        "",
        "| set | events | root right | source right | target right | root + source + target right |",
        "|---|---|---|---|---|---|",
    ]
    for name, f in figures.items():
        out.append(
            f"| {name} | {f['n']} | {f['root_right']:.2f} | {f['source_right']:.2f} | "
            f"{f['target_right']:.2f} | {f['all_right']:.2f} |"
        )
    errors: dict[str, int] = {}
    for j in judged:
        errors[j.get("error", "")] = errors.get(j.get("error", ""), 0) + 1
    out += [
        "",
        "Errors by kind (the judge's main one per event): "
        + ", ".join(f"{k} {v}" for k, v in sorted(errors.items(), key=lambda kv: -kv[1]))
        + ".",
        "",
        "## The events",
        "",
    ]
    for j in judged:
        r = rows[j["id"]]
        mark = "".join("✓" if j[k] else "✗" for k in ("root", "source", "target"))
        sentence = " ".join(r["sentence"].split())
        out.append(
            f"- `{j['id']}` **{mark}** {r['cameo']} {r['cameo_name']} — {_actor(r['source'])} → "
            f"{_actor(r['target'])}, trigger *{r['trigger']}*  \n"
            f"  > {sentence}  \n"
            f"  {j.get('error', '')}: {j.get('reason', '')}"
        )
    return "\n".join(out) + "\n"


def report(sample: Path, judgements: Path, as_json: bool, write: Path | None = None) -> int:
    rows = {r["id"]: r for r in map(json.loads, sample.read_text(encoding="utf-8").splitlines())}
    judged = [json.loads(line) for line in judgements.read_text(encoding="utf-8").splitlines() if line]
    figures: dict[str, dict[str, float]] = {}
    for name in ("wikinews", "reuters", "all"):
        mine = [j for j in judged if name == "all" or rows[j["id"]]["set"] == name]
        n = len(mine)
        root = sum(bool(j["root"]) for j in mine)
        full = sum(bool(j["root"] and j["source"] and j["target"]) for j in mine)
        figures[name] = {
            "n": n,
            "root_right": root / n if n else 0.0,
            "all_right": full / n if n else 0.0,
            "source_right": sum(bool(j["source"]) for j in mine) / n if n else 0.0,
            "target_right": sum(bool(j["target"]) for j in mine) / n if n else 0.0,
        }
    missing = sorted(set(rows) - {j["id"] for j in judged})
    if write is not None:
        write.write_text(_markdown(rows, judged, figures), encoding="utf-8")
    if as_json:
        sys.stdout.write(json.dumps({"figures": figures, "unjudged": missing}, indent=2) + "\n")
    else:
        for name, f in figures.items():
            sys.stdout.write(
                f"{name:9} n={f['n']:3}  root {f['root_right']:.2f}  source {f['source_right']:.2f}  "
                f"target {f['target_right']:.2f}  all {f['all_right']:.2f}\n"
            )
        if missing:
            sys.stdout.write(f"unjudged: {len(missing)}\n")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    d.add_argument("--out", type=Path, default=REPO / "docs" / "audit" / "sample.jsonl")
    d.add_argument(
        "--context",
        action="store_true",
        help="add the 600 characters before each sentence, for the judges (not for the repository: "
        "Reuters-21578 is for research use only)",
    )
    pl = sub.add_parser("pool", help="the share right of every current event some round judged")
    pl.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    pl.add_argument("--audit", type=Path, default=REPO / "docs" / "audit")
    r = sub.add_parser("report")
    r.add_argument("--sample", type=Path, default=REPO / "docs" / "audit" / "sample.jsonl")
    r.add_argument("--judgements", type=Path, default=REPO / "docs" / "audit" / "judgements.jsonl")
    r.add_argument("--json", action="store_true")
    r.add_argument("--markdown", type=Path, help="write the figures and the judged events to this file")
    args = parser.parse_args(argv)
    if args.command == "draw":
        return draw(args.corpora, args.out, args.context)
    if args.command == "pool":
        return pool(args.corpora, args.audit)
    return report(args.sample, args.judgements, args.json, args.markdown)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

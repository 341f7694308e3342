"""Agreement between two annotations of the same articles (docs/annotation.md), scored as the coder is.

Usage: python tools/gold_agreement.py FIRST.jsonl SECOND.jsonl [--json]

For the articles both files annotate, SECOND is scored against FIRST exactly as ``eventwire evaluate
articles`` scores the coder: asserted events matched one to one on (source country, target country,
CAMEO root), symmetric roots in either direction.  Precision and recall are symmetric views of one
agreement (swap the files to swap them); F1 is the agreement figure reported in tests/gold/articles.
"""

from __future__ import annotations

import json
import sys

from eventwire.evaluate.article_gold import known_codes, load_article_gold
from eventwire.evaluate.articles import _gold_side, match_events


def main(argv: list[str]) -> int:
    first = {a.id: a for a in load_article_gold(argv[0], known_codes())}
    second = {a.id: a for a in load_article_gold(argv[1], known_codes())}
    both = sorted(set(first) & set(second))
    totals = {"first": 0, "second": 0, "matched": 0, "code_matched": 0, "date_same": 0, "dated": 0}
    rows = []
    for aid in both:
        a = [_gold_side(e) for e in first[aid].events if e.status == "asserted"]
        b = [_gold_side(e) for e in second[aid].events if e.status == "asserted"]
        m = match_events(a, b)
        totals["first"] += len(a)
        totals["second"] += len(b)
        totals["matched"] += len(m)
        totals["code_matched"] += len(match_events(a, b, full=True))
        for ai, bi in m:
            if a[ai].date is not None or b[bi].date is not None:
                totals["dated"] += 1
                totals["date_same"] += a[ai].date == b[bi].date and a[ai].precision == b[bi].precision
        rows.append((aid, len(a), len(b), len(m)))
    p = totals["matched"] / totals["second"] if totals["second"] else 0.0
    r = totals["matched"] / totals["first"] if totals["first"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out = {
        "articles": len(both),
        **totals,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
    }
    if "--json" in argv:
        print(json.dumps(out))
    else:
        for aid, na, nb, nm in rows:
            print(f"{aid}: first {na}, second {nb}, agreed {nm}")
        print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

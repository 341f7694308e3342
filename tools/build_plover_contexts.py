"""Build ``src/eventwire/data/plover_contexts.tsv``: the PLOVER context of each CAMEO code.

Usage: python tools/build_plover_contexts.py PATH/TO/CAMEO2PLOVER-2021.txt

The source is the PLOVER conversion table CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, 17 September
2021, ed. Philip Schrodt; Open Event Data Alliance, https://github.com/openeventdata/PLOVER; a copy is in
``../shared/corpora/plover-gsr/``), licensed CC BY-SA 4.0; the output is an adaptation under the same
licence.  Its lines read ``CODE: EVENT, MODE, CONTEXT # name``; the third field is the context (several
separated by ";").  A code the table lacks inherits its parent's context when the coder looks it up.
Re-running the script on the same file gives a byte-identical output.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "plover_contexts.tsv"
LINE = re.compile(r"^(\d{2,4}):\s*([^#]*)(?:#.*)?$")


def build(source: Path) -> str:
    data = source.read_bytes()
    rows: list[tuple[str, str]] = []
    for raw in data.decode("utf-8").splitlines():
        found = LINE.match(raw.strip())
        if not found:
            continue
        fields = [f.strip() for f in found.group(2).split(",")]
        context = fields[2] if len(fields) > 2 else ""
        contexts = sorted({c.strip().replace(" ", "_") for c in context.split(";") if c.strip()})
        if contexts:
            rows.append((found.group(1), ";".join(contexts)))
    header = [
        "# eventwire PLOVER contexts: CAMEO code -> PLOVER context(s) (';'-separated).",
        "#",
        "# Source: CAMEO2PLOVER-2021.txt, the PLOVER conversion table (PLOVER manual draft 0.8, 17 September",
        "# 2021, ed. Philip Schrodt; Open Event Data Alliance, https://github.com/openeventdata/PLOVER),",
        "# licensed CC BY-SA 4.0; this table is an adaptation of its third column under the same licence.",
        f"# Built by tools/build_plover_contexts.py from a file of sha256 {hashlib.sha256(data).hexdigest()}.",
        "# A CAMEO code that is not listed takes the context of its parent code (4 -> 3 digits), if any.",
        "# Format: UTF-8, tab-separated, header 'code<TAB>contexts', one row per code.",
        "code\tcontexts",
    ]
    return "\n".join([*header, *(f"{c}\t{x}" for c, x in sorted(rows))]) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write(__doc__ or "")
        return 2
    OUT.write_text(build(Path(argv[0])), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Tests of the PETRARCH/TABARI verb dictionary importer (eventwire.events.petrarch)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.events.patterns import Pattern, PatternDictionary
from eventwire.events.petrarch import (
    PetrarchImport,
    import_petrarch_verbs,
    load_petrarch_verbs,
    write_patterns_yaml,
)

REPO = Path(__file__).resolve().parents[1]
REAL_FILE = REPO.parent / "shared" / "corpora" / "petrarch2-dictionaries" / "CAMEO.2.0.txt"

# A small dictionary written for these tests in the PETRARCH verb-file format.
SNIPPET = """\
# test verb dictionary
####### SYNONYM SETS #######

&AID_WORDS
+AID
+ASSISTANCE
+FOOD_AID

&PLACE_
+CAPITAL

####### VERB PATTERNS #######

---  PROMISE   [030]  ---
PROMISE
PLEDGE  # tester 1 Jan 2020
VOW {VOWS VOWED VOWING } [130]
- * TO COOPERATE    [031]    # PROMISE
- * (WITH)                                  [036]         # PLEDGE
- * &AID_WORDS                              [033]         # PLEDGE
- * SANCTIONS (AGAINST)                     [130:131]     # VOW
- * (TO PROPOSAL)                           [031]         # PROMISE
- &MILITARY *                               [150]         # VOW

---  HALT   [---]  ---
HALT
+CALL_OFF {+CALLS_OFF +CALLED_OFF +CALLING_OFF } [160]
+ASK_FOR [020]
- * TALKS                                   [164]         # HALT
- * OFF TALKS                               [164]         # HALT
- * {PEACE TALKS}                           [164]         # HALT
- * (INTO +)                                [:173]        # HALT
- * TALKS                                   [163]         # HALT

---  COOPERATE   [060]  ---
COOPERATE

---  SCOLD   [111]  ---
SCOLD
RE_+SCOLD
- * [999]
~ a (a b Q) SCOLD = a b 111
"""


@pytest.fixture()
def snippet(tmp_path: Path) -> Path:
    path = tmp_path / "test.verbs.txt"
    path.write_text(SNIPPET, encoding="utf-8")
    return path


@pytest.fixture()
def imported(snippet: Path) -> PetrarchImport:
    return import_petrarch_verbs(snippet)


def _by_id(result: PetrarchImport) -> dict[str, Pattern]:
    return {p.id: p for p in result.patterns}


def test_verb_lines_become_verb_patterns(imported: PetrarchImport, snippet: Path) -> None:
    pats = _by_id(imported)
    promise = pats["petrarch:verb:promise:030"]
    assert promise.lemma == "promise" and promise.pos == "VERB" and promise.code == "030"
    assert promise.source == str(snippet)
    assert promise.note == "PROMISE"
    assert "petrarch:verb:pledge:030" in pats
    vow = pats["petrarch:verb:vow:130"]  # irregular forms ignored, own code wins
    assert vow.note.startswith("VOW {VOWS")
    call_off = pats["petrarch:verb:call:160[particle=off]"]
    assert call_off.particle == "off"
    ask_for = pats["petrarch:verb:ask:020[prep=for]"]
    assert ask_for.prep == ("for",)
    # HALT has the null block code: the bare verb is not imported, but its patterns are
    assert not any(p.lemma == "halt" and not p.object for p in imported.patterns)
    assert imported.skipped["verb: null code ---"] == 1


def test_block_patterns_apply_to_every_verb(imported: PetrarchImport) -> None:
    pats = _by_id(imported)
    for verb in ("promise", "pledge", "vow"):
        xcomp = pats[f"petrarch:verb:{verb}:031[xcomp=cooperate]"]
        assert xcomp.xcomp == ("cooperate",)
        assert xcomp.note == "- * TO COOPERATE [031] # PROMISE"
        assert pats[f"petrarch:verb:{verb}:036[prep=with]"].prep == ("with",)
        aid = pats[f"petrarch:verb:{verb}:033[object=aid|assistance]"]
        assert aid.object == ("aid", "assistance")
        # [active:passive] -> the active code; the object keeps singular and plural
        sanc = pats[f"petrarch:verb:{verb}:130[object=sanction|sanctions;prep=against]"]
        assert sanc.object == ("sanction", "sanctions")
        assert sanc.prep == ("against",)
    # counted once per pattern line
    assert imported.adjusted["multi-word synset members dropped"] == 1
    assert imported.adjusted["passive code of [X:Y] ignored"] == 1


def test_halt_block_objects_particles_and_conflicts(imported: PetrarchImport) -> None:
    pats = _by_id(imported)
    assert pats["petrarch:verb:halt:164[object=talk|talks]"].object == ("talk", "talks")
    # the pattern's object joins the multi-word verb's particle / preposition
    assert "petrarch:verb:call:164[particle=off;object=talk|talks]" in pats
    assert "petrarch:verb:ask:164[object=talk|talks;prep=for]" in pats
    # leading particle in the pattern
    assert "petrarch:verb:halt:164[particle=off;object=talk|talks]" in pats
    # ... but "call_off * OFF TALKS" would need two particles
    assert imported.skipped["pattern conflicts with the multi-word verb"] == 1
    # a later pattern with the same trigger and another code: the first is kept (x 3 verbs)
    assert imported.skipped["duplicate trigger with another code (first kept)"] == 3
    assert pats["petrarch:verb:call:164[particle=off;object=talk|talks]"].code == "164"


def test_unsupported_lines_are_counted(imported: PetrarchImport) -> None:
    s = imported.skipped
    assert s["pattern: prepositional phrase with a fixed object (PREP NOUN)"] == 1
    assert s["pattern: words before the verb (subject/adverb constraint)"] == 1
    assert s["pattern: noun phrase with modifiers {...}"] == 1
    assert s["pattern: passive-only code [:X]"] == 1
    assert s["pattern: code not in CAMEO table"] == 1
    assert s["multi-word verb with words before the verb (X_+VERB)"] == 1
    assert s["transformation (~)"] == 1
    assert imported.examples["pattern: noun phrase with modifiers {...}"][0].startswith("- * {PEACE TALKS}")
    assert imported.verb_lines == 9 and imported.blocks == 4
    assert all(p.id.startswith("petrarch:verb:") for p in imported.patterns)
    assert len({p.key for p in imported.patterns}) == imported.imported
    assert "skipped" in imported.summary()


def test_comment_scope_restricts_patterns_to_the_named_verb(snippet: Path) -> None:
    pats = {p.id for p in load_petrarch_verbs(snippet, scope="comment")}
    assert "petrarch:verb:promise:031[xcomp=cooperate]" in pats
    assert "petrarch:verb:pledge:031[xcomp=cooperate]" not in pats
    assert "petrarch:verb:pledge:036[prep=with]" in pats
    assert "petrarch:verb:promise:036[prep=with]" not in pats


def test_round_trip_through_yaml(imported: PetrarchImport, tmp_path: Path) -> None:
    out = tmp_path / "imported.yaml"
    dropped = write_patterns_yaml(imported.patterns, out, header="converted from test.verbs.txt")
    assert dropped == []
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# converted from test.verbs.txt\nversion: 1\n")
    loaded = PatternDictionary.load([out])
    assert len(loaded) == imported.imported
    by_key = {p.key: p for p in loaded}
    for pat in imported.patterns:
        twin = by_key[pat.key]
        assert (twin.code, twin.note, twin.particle) == (pat.code, pat.note, pat.particle)
        assert (twin.object, twin.prep, twin.xcomp) == (pat.object, pat.prep, pat.xcomp)
    assert [p.code for p in loaded.candidates("call", "VERB")][:1] == ["164"]


def test_write_drops_invalid_and_repeated_entries(imported: PetrarchImport, tmp_path: Path) -> None:
    from dataclasses import replace

    first = imported.patterns[0]
    bad = [first, replace(first, code="123"), replace(first, code="999", id="x"), replace(first, lemma="Bad")]
    out = tmp_path / "bad.yaml"
    dropped = write_patterns_yaml(bad, out)
    assert [reason.split()[0] for _, reason in dropped] == ["repeated", "code", "lemma:"]
    assert len(PatternDictionary.load([out])) == 1


def test_real_petrarch_dictionary(tmp_path: Path) -> None:
    if not REAL_FILE.exists():
        pytest.skip(f"{REAL_FILE} is absent")
    result = import_petrarch_verbs(REAL_FILE)
    assert result.imported > 1000
    assert result.blocks > 300
    plain = {p.lemma: p.code for p in result.patterns if not (p.object or p.prep or p.xcomp or p.particle)}
    assert plain["agree"][:2] in ("03", "05")
    assert plain["condemn"][:2] == "11"
    assert plain["denounce"][:2] == "11"
    agree_with = [p for p in result.patterns if p.lemma == "agree" and p.prep == ("with",)]
    assert agree_with and agree_with[0].code[:2] == "03"
    assert result.skipped["verb: null code ---"] > 0
    assert result.skipped["transformation (~)"] > 0
    narrow = load_petrarch_verbs(REAL_FILE, scope="comment")
    assert 1000 < len(narrow) < result.imported
    # round trip of the smaller import (yaml loading of the full ~26k entries takes ~25 s)
    out = tmp_path / "cameo2.yaml"
    assert write_patterns_yaml(narrow, out) == []
    assert len(PatternDictionary.load([out])) == len(narrow)

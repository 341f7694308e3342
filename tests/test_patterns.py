"""Tests of the trigger-pattern dictionary (eventwire/data/patterns.yaml) and its loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.events.cameo import load_default_table
from eventwire.events.patterns import Pattern, PatternDictionary, load_default_patterns


@pytest.fixture(scope="module")
def patterns() -> PatternDictionary:
    return load_default_patterns()


def _codes(d: PatternDictionary, lemma: str, pos: str = "VERB") -> list[str]:
    return [p.code for p in d.candidates(lemma, pos)]


def test_default_dictionary_is_large_and_valid(patterns: PatternDictionary) -> None:
    assert len(patterns) >= 350
    table = load_default_table()
    assert all(p.code in table for p in patterns)
    assert all(p.pos in ("VERB", "NOUN") for p in patterns)
    assert len({p.id for p in patterns}) == len(patterns)
    assert load_default_patterns() is patterns


def test_every_root_is_covered(patterns: PatternDictionary) -> None:
    roots = {p.code[:2] for p in patterns}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


@pytest.mark.parametrize(
    ("lemma", "pos", "code"),
    [
        ("say", "VERB", "010"),
        ("urge", "VERB", "020"),
        ("pledge", "VERB", "030"),
        ("meet", "VERB", "040"),
        ("visit", "VERB", "042"),
        ("host", "VERB", "043"),
        ("negotiate", "VERB", "046"),
        ("hail", "VERB", "051"),
        ("praise", "VERB", "051"),
        ("apologize", "VERB", "055"),
        ("cooperate", "VERB", "060"),
        ("extradite", "VERB", "063"),
        ("aid", "VERB", "070"),
        ("free", "VERB", "0841"),
        ("investigate", "VERB", "090"),
        ("demand", "VERB", "100"),
        ("criticize", "VERB", "111"),
        ("condemn", "VERB", "111"),
        ("accuse", "VERB", "112"),
        ("reject", "VERB", "120"),
        ("veto", "VERB", "129"),
        ("threaten", "VERB", "130"),
        ("riot", "VERB", "145"),
        ("sanction", "VERB", "163"),
        ("arrest", "VERB", "173"),
        ("deport", "VERB", "174"),
        ("abduct", "VERB", "181"),
        ("assassinate", "VERB", "186"),
        ("attack", "VERB", "190"),
        ("occupy", "VERB", "192"),
        ("shell", "VERB", "194"),
        ("bomb", "VERB", "195"),
        ("massacre", "VERB", "202"),
        ("airstrike", "NOUN", "195"),
    ],
)
def test_plain_entries(patterns: PatternDictionary, lemma: str, pos: str, code: str) -> None:
    plain = [p for p in patterns.candidates(lemma, pos) if p.specificity == (0, 0)]
    assert [p.code for p in plain] == [code]
    assert plain[0].id == f"{pos.lower()}:{lemma}:{code}"


def test_light_verb_and_constraint_entries(patterns: PatternDictionary) -> None:
    hold = patterns.candidates("hold", "VERB")
    talks = next(p for p in hold if "talk" in p.object and p.prep == ("with",))
    assert talks.code == "040" and talks.reciprocal
    impose = patterns.candidates("impose", "VERB")
    assert any(p.code == "163" and "sanction" in p.object and "on" in p.prep for p in impose)
    agree = patterns.candidates("agree", "VERB")
    assert next(p for p in agree if "cooperate" in p.xcomp).code == "030"
    vow = patterns.candidates("vow", "VERB")
    assert next(p for p in vow if "retaliate" in p.xcomp).code == "138"
    call_noun = patterns.candidates("call", "NOUN")
    assert next(p for p in call_noun if "phone" in p.compound).code == "041"
    call_off = next(p for p in patterns.candidates("call", "VERB") if p.particle == "off")
    assert call_off.code == "164"
    speak = next(p for p in patterns.candidates("speak", "VERB") if p.advmod)
    assert speak.code == "051" and speak.prep == ("of",)
    # 'on'/'off' must survive YAML loading as strings, not booleans
    assert all(isinstance(x, str) for p in patterns for x in (*p.prep, p.particle or ""))


def test_candidates_most_specific_first(patterns: PatternDictionary) -> None:
    for (lemma, pos), group in patterns.index.items():
        specs = [p.specificity for p in group]
        assert specs == sorted(specs, reverse=True), (lemma, pos)
    hold = patterns.candidates("call", "VERB")
    assert hold[0].particle == "off"  # two hard constraints
    assert hold[-1].id == "verb:call:041"  # plain entry last
    assert _codes(patterns, "unknownlemma") == []
    assert patterns.candidates("HAIL", "VERB") == patterns.candidates("hail", "VERB")


def test_pattern_is_frozen(patterns: PatternDictionary) -> None:
    p = patterns.candidates("hail", "VERB")[0]
    assert isinstance(p, Pattern)
    assert p.source.endswith("patterns.yaml")
    with pytest.raises(AttributeError):
        p.code = "111"  # type: ignore[misc]


def test_generic_verbs_need_constraints(patterns: PatternDictionary) -> None:
    for lemma in ("make", "take", "have", "give", "get", "see", "hold", "put", "use", "carry", "open"):
        for p in patterns.candidates(lemma, "VERB"):
            assert p.object or p.particle or p.xcomp, p.id


BAD_YAML = """\
version: 1
patterns:
  - {lemma: hail, pos: VERB, code: "051"}
  - {lemma: praise, pos: VERB, code: "051", objekt: [deal]}   # unknown key
  - {pos: VERB, code: "111"}                                  # missing lemma
  - {lemma: zap, pos: ADJ, code: "999"}                       # bad pos + unknown code
  - {lemma: meet, pos: VERB, code: "040", prep: with}         # not a list
  - {lemma: hail, pos: VERB, code: "051"}                     # duplicate of entry 0
  - {lemma: slam, pos: VERB, code: 111}                       # unquoted code
"""


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_YAML, encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        PatternDictionary.load([path])
    problems = info.value.problems
    text = "\n".join(problems)
    assert "entry 1 (lemma 'praise'): unknown key 'objekt'" in text
    assert "entry 2: missing required key 'lemma'" in text
    assert "entry 3 (lemma 'zap'): 'pos' must be one of VERB, NOUN" in text
    assert "code '999' is not in the CAMEO table" in text
    assert "entry 4 (lemma 'meet'): 'prep' must be a list" in text
    assert "entry 5 (lemma 'hail'): duplicate of entry 0" in text
    assert "entry 6 (lemma 'slam'): 'code' must be a quoted string" in text
    assert len(problems) == 7
    assert info.value.path == str(path)


def test_three_bad_entries_one_error(tmp_path: Path) -> None:
    path = tmp_path / "three.yaml"
    path.write_text(
        "version: 1\npatterns:\n"
        "  - {lemma: a1, pos: VERB}\n"
        '  - {lemma: b, pos: NOUN, code: "051", particle: up}\n'
        '  - {lemma: c, pos: VERB, code: "051", compound: [x]}\n',
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as info:
        PatternDictionary.load([path])
    assert len(info.value.problems) == 3
    assert [p.split(":")[0] for p in info.value.problems] == [
        "entry 0 (lemma 'a1')",
        "entry 1 (lemma 'b')",
        "entry 2 (lemma 'c')",
    ]


def test_top_level_problems(tmp_path: Path) -> None:
    path = tmp_path / "top.yaml"
    path.write_text("version: 2\nentries: []\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        PatternDictionary.load([path])
    text = "\n".join(info.value.problems)
    assert "unknown top-level key 'entries'" in text
    assert "'version'" in text and "'patterns' must be a list" in text


def test_user_file_added_on_top_of_default(tmp_path: Path) -> None:
    user = tmp_path / "user.yaml"
    user.write_text(
        "version: 1\npatterns:\n"
        '  - {lemma: hail, pos: VERB, code: "050", note: override}\n'
        '  - {lemma: frobnicate, pos: VERB, code: "111"}\n',
        encoding="utf-8",
    )
    d = PatternDictionary.load([user], include_default=True)
    assert len(d) == len(load_default_patterns()) + 1
    assert _codes(d, "hail") == ["050"]
    assert d.candidates("hail", "VERB")[0].source == str(user)
    assert _codes(d, "frobnicate") == ["111"]
    only_user = PatternDictionary.load([user])
    assert len(only_user) == 2


def test_errors_across_files_are_collected(tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text('version: 1\npatterns:\n  - {lemma: x, pos: VERB, code: "777"}\n', encoding="utf-8")
    b.write_text("version: 1\npatterns: [{lemma: y, pos: VERB}]\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        PatternDictionary.load([a, b, tmp_path / "missing.yaml"])
    assert len(info.value.problems) == 3
    assert info.value.problems[0].startswith(str(a))


def test_invalid_yaml(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("version: 1\npatterns: [\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="not valid YAML"):
        PatternDictionary.load([path])


def test_modal_constraint_is_part_of_the_schema() -> None:
    text = "version: 1\npatterns:\n  - {lemma: say, pos: VERB, code: '100', modal: [must]}\n"
    (p,) = list(PatternDictionary.from_text(text))
    assert p.modal == ("must",) and p.id == "verb:say:100[modal=must]"
    assert p.specificity[0] == 1


def test_means_constraint_is_part_of_the_schema(tmp_path: Path) -> None:
    text = "version: 1\npatterns:\n  - {lemma: talk, pos: VERB, code: '041', means: [phone, telephone]}\n"
    (p,) = list(PatternDictionary.from_text(text))
    assert p.means == ("phone", "telephone") and p.id == "verb:talk:041[means=phone|telephone]"
    assert p.specificity[0] == 1
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\npatterns:\n  - {lemma: talk, pos: VERB, code: '041', means: Phone}\n")
    with pytest.raises(DictionaryError, match="means"):
        PatternDictionary.load([bad])

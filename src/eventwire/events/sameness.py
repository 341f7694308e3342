"""Whether two actor mentions are one actor: a target that is the source itself (the same span, its
pronoun, the same country without a more specific sector) makes no event; two people, two parties, a
town's office and a nation's, a body and its official, a group and one office-holder are two."""

from __future__ import annotations

from eventwire.actors.words import OFFICE_WORDS
from eventwire.events.locating import is_local, local_office
from eventwire.models import ActorMention

__all__ = ["same_actor"]


def same_actor(s: ActorMention, t: ActorMention) -> bool:
    """Whether a target is the source itself (the same span, or the same country without a
    more specific sector) — such a pair is no event."""
    if (s.start, s.end) == (t.start, t.end) and not (s.members or t.members):
        return True
    if t.antecedent == (s.start, s.end) or s.antecedent == (t.start, t.end):
        return True  # "Gillibrand stated her intention to endorse one of her rivals": herself
    if s.matched_by.startswith("given-span") and t.matched_by.startswith("given-span"):
        return False  # two distinct known actors, whatever their codes
    if not s.country:
        return False
    s_kb, t_kb = _entity_id(s), _entity_id(t)
    if s_kb and t_kb and s_kb != t_kb:
        return False  # "Republicans criticized the Democrats": two parties of one country
    s_name, t_name = _surname(s), _surname(t)
    if s_name and t_name and s_name != t_name:
        return False  # "Zelensky declined Honcharuk's offer": two people of one government
    if (
        s.sector == t.sector == "LEG"
        and bool(s_name) != bool(t_name)
        and not (_referring(s) or _referring(t))
    ):
        return False  # "Senator Ted Cruz said members of Congress abused their power": a member and the body
    local = is_local(s.text) != is_local(t.text) and s.start != t.start
    # "punish the mayor of Fort Lee for refusing to support the New Jersey Governor": two offices
    s_office, t_office = local_office(s.text), local_office(t.text)
    local = local or bool(s_office and t_office and not s_office & t_office)
    if local and not (s_name and s_name == t_name):  # ("Governor Cuomo" ... "Cuomo" is one man)
        return False  # "Trump lashed out at the capital city's mayor": a town's office is no nation's
    if (
        _named_body(s) != _named_body(t)
        and s.sector
        and t.sector
        and not (_referring(s) or _referring(t) or _one_body(s, t))
    ):
        return False  # "Commerce Secretary Baldrige asked the White House": an official and a body
    if s.sector and t.sector and not (_pronoun(s) or _pronoun(t)) and _group_and_holder(s, t):
        return False  # "election officials denied the President's claims": a group and one office-holder
    # a person whose country alone is known ("Paul Manafort" in an American story) is not the country
    person = t.matched_by.startswith(("person", "memory:name")) or "+apposition" in t.matched_by
    # ... nor a town or thing of it ("their forces withdrew from the Bosnian town"): a domestic act
    owned = "+owner-of" in t.matched_by or "+attacked-place" in t.matched_by
    return s.identity == t.identity or (s.country == t.country and not t.sector and not (person or owned))


def _entity_id(m: ActorMention) -> str:
    """The entity table's id a mention was matched by ("kb:curated:democratic-party-united-states"),
    or ""."""
    return m.matched_by.split("+", 1)[0] if m.matched_by.startswith("kb:") else ""


def _named_body(m: ActorMention) -> bool:
    """Whether a mention names an institution that stands for its state ("the White House", "the
    Kremlin"; not a capital: "Washington's support" is the speaker's own state)."""
    return m.matched_by.startswith("metonym:")


def _referring(m: ActorMention) -> bool:
    """Whether a mention refers back to an earlier one (a pronoun, "the minister" again)."""
    return m.antecedent is not None or m.matched_by.startswith(("coref", "memory:title"))


def _group_and_holder(s: ActorMention, t: ActorMention) -> bool:
    """Whether one side is a group named by a plural noun and the other one office-holder ("election
    officials" and "the President"; not a body: "Chinese officials" and "Beijing")."""
    group, one = (s, t) if _plural_group(s) else (t, s)
    return _plural_group(group) and not _plural_group(one) and _office_holder(one)


def _office_holder(m: ActorMention) -> bool:
    """Whether a mention names one person in office: by a title ("the President") or a name."""
    words = m.text.split()
    last = words[-1].lower() if words else ""
    return last in OFFICE_WORDS or m.matched_by.startswith(
        ("person", "memory:title", "memory:name", "office-holder")
    )


def _pronoun(m: ActorMention) -> bool:
    """Whether a mention is a pronoun or a reciprocal ("they", "its", "each other") standing for others."""
    return m.matched_by.startswith("coref") or m.text.lower() in {"each other", "one another"}


def _plural_group(m: ActorMention) -> bool:
    """Whether a mention names a group of people by a plural common noun ("election officials",
    "lawmakers"), not one office or body ("the President", "the ministry")."""
    words = m.text.split(" of ")[0].split()  # "leaders of the two countries": the leaders
    last = words[-1] if words else ""
    if len(last) < 5 or last in {"others", "theirs", "yours", "other", "another"}:
        return False  # "its", "his", "this", "each other": no plural noun
    return last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _one_body(s: ActorMention, t: ActorMention) -> bool:
    """Whether one mention's words name the other's body ("the CIA official" and "the CIA")."""
    a, b = s.text.lower().removeprefix("the "), t.text.lower().removeprefix("the ")
    return a in b or b in a


def _ends_in_name(text: str) -> bool:
    """Whether a phrase ends in two capitalised words ("Pranab Mukherjee", "candidate Elizabeth Warren")."""
    words = text.split()
    return len(words) > 1 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words[-2:])


def _surname(m: ActorMention) -> str:
    """The surname of a named person the mention was resolved as (a known office-holder, a name of
    the entity table, or a name met earlier in the article), else "" (titles, bodies, pronouns)."""
    if m.matched_by.startswith("office-holder:"):
        name = m.matched_by.split(":")[1]
    elif m.matched_by.startswith(("memory:name", "person+")) and m.text[:1].isupper():
        name = m.text  # a name met earlier, or a person of the story's country ("Kokesh", "Ron Paul")
    elif m.matched_by.startswith("kb:") and _ends_in_name(m.text):
        # a name of the entity table ("Pranab Mukherjee" beside "Narendra Modi"; "former presidential
        # candidate Elizabeth Warren" beside "Joe Biden")
        name = m.text
    elif m.matched_by.startswith("coref:") and "+name:" in m.matched_by:
        name = m.matched_by.split("+name:", 1)[1].split("+")[0]  # "she", said of Warren
    else:
        return ""
    words = name.split()
    return words[-1].lower() if words else ""

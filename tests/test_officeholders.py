from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.actors.officeholders import OfficeHolderTable, OfficeMatch, default_table, normalise_name
from eventwire.errors import DictionaryError

HEADER = "# test file\nname\taliases\tcountry\tsector\trole\tstart\tend\tnote\n"


@pytest.fixture(scope="module")
def table() -> OfficeHolderTable:
    return default_table()


def test_packaged_table_loads_and_is_large(table: OfficeHolderTable) -> None:
    assert len(table) >= 400
    assert default_table() is table  # cached


def test_lavrov(table: OfficeHolderTable) -> None:
    m = table.lookup("Lavrov", dt.date(2020, 12, 22))
    assert m == OfficeMatch("Sergey Lavrov", "RUS", "GOV", "foreign_minister", "Lavrov", False)


@pytest.mark.parametrize(
    ("day", "role"), [(dt.date(2005, 6, 1), "head_of_state"), (dt.date(2010, 6, 1), "head_of_government")]
)
def test_putin_president_then_prime_minister(table: OfficeHolderTable, day: dt.date, role: str) -> None:
    m = table.lookup("Putin", day)
    assert m is not None
    assert (m.country, m.sector, m.role, m.former) == ("RUS", "GOV", role, False)


def test_merkel_is_former_elite_after_2021(table: OfficeHolderTable) -> None:
    m = table.lookup("Merkel", dt.date(2023, 1, 1))
    assert m is not None
    assert (m.name, m.country, m.sector, m.former) == ("Angela Merkel", "DEU", "ELI", True)
    during = table.lookup("Merkel", dt.date(2015, 1, 1))
    assert during is not None and (during.sector, during.former) == ("GOV", False)


def test_wang_yi_and_qin_gang(table: OfficeHolderTable) -> None:
    m = table.lookup("Wang Yi", dt.date(2020, 12, 22))
    assert m is not None and (m.country, m.sector, m.role) == ("CHN", "GOV", "foreign_minister")
    qin = table.lookup("Qin Gang", dt.date(2023, 3, 1))
    assert qin is not None and qin.role == "foreign_minister" and not qin.former
    # During Qin Gang's spell Wang Yi was not foreign minister but headed the party's foreign affairs office.
    gap = table.lookup("Wang Yi", dt.date(2023, 3, 1))
    assert gap is not None and gap.role != "foreign_minister" and gap.sector == "GOV"
    back = table.lookup("Wang Yi", dt.date(2024, 1, 1))
    assert back is not None and back.role == "foreign_minister"
    later = table.lookup("Qin Gang", dt.date(2024, 1, 1))
    assert later is not None and later.former and later.sector == "ELI"


def test_ban_ki_moon(table: OfficeHolderTable) -> None:
    m = table.lookup("Ban Ki-moon", dt.date(2010, 5, 1))
    assert m is not None and (m.country, m.sector, m.role) == ("UNO", "GOV", "secretary_general")
    assert table.lookup("ban ki moon's", dt.date(2010, 5, 1)) == m


def test_unknown_name(table: OfficeHolderTable) -> None:
    assert table.lookup("Zebulon Quackenbush", dt.date(2020, 1, 1)) is None
    assert table.lookup("Zebulon Quackenbush", None) is None


def test_before_first_term_is_none(table: OfficeHolderTable) -> None:
    assert table.lookup("Zelensky", dt.date(2015, 1, 1)) is None


def test_normalisation() -> None:
    assert normalise_name("  Erdoğan’s ") == "erdogan"
    assert normalise_name("Ban  Ki-moon") == "ban ki moon"
    assert normalise_name("George W. Bush") == "george w bush"


def test_shared_alias_is_scoped_by_date(table: OfficeHolderTable) -> None:
    bill = table.lookup("Clinton", dt.date(1998, 1, 1))
    hillary = table.lookup("Clinton", dt.date(2010, 1, 1))
    assert bill is not None and bill.name == "Bill Clinton" and not bill.former
    assert hillary is not None and hillary.name == "Hillary Clinton"
    between = table.lookup("Clinton", dt.date(2005, 1, 1))
    assert between is not None and between.name == "Bill Clinton" and between.former
    # After both terms ended two former holders match: ambiguous.
    assert table.lookup("Clinton", dt.date(2016, 1, 1)) is None


def test_no_date_requires_one_person(table: OfficeHolderTable) -> None:
    assert table.lookup("Clinton", None) is None  # Bill and Hillary
    m = table.lookup("Putin", None)
    assert m is not None and m.role == "head_of_state" and not m.former  # latest term
    ban = table.lookup("Ban Ki-moon", None)
    assert ban is not None and ban.country == "UNO"  # latest term, not the KOR foreign ministry


def test_user_file_with_three_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        HEADER
        + "Good Person\tGoodperson\tFRA\tGOV\thead_of_state\t2000-01-01\t2005-01-01\t\n"
        + "Bad Date\t\tFRA\tGOV\thead_of_state\t2000-13-01\t\t\n"
        + "Bad Order\t\tFRA\tGOV\thead_of_state\t2005-01-01\t2001-01-01\t\n"
        + "Bad Sector\t\tFRA\tXXX\thead_of_state\t2005-01-01\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as info:
        OfficeHolderTable.load([path])
    assert len(info.value.problems) == 3
    text = "\n".join(info.value.problems)
    assert "2000-13-01" in text and "not after start" in text and "XXX" in text


def test_cross_row_problems_reported_together(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        HEADER
        + "Ann One\tOne\tGBR\tGOV\thead_of_state\t2000-01-01\t2005-01-01\t\n"
        + "Ann One\tOne\tGBR\tGOV\thead_of_state\t2000-01-01\t2005-01-01\tduplicate\n"
        + "Bob One\tOne\tGBR\tGOV\tforeign_minister\t2004-01-01\t\tshares 'One' during 2004\n"
        + "Cy Two\t\tgbr\tGOV\tforeign_minister\t2004-01-01\t\tlower-case country\n",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as info:
        OfficeHolderTable.load(str(path))
    problems = info.value.problems
    assert len(problems) == 3
    assert any("duplicate" in p for p in problems)
    assert any("'one'" in p and "overlapping" in p for p in problems)
    assert any("country" in p for p in problems)


def test_non_overlapping_shared_alias_and_user_files_merge(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        HEADER
        + "Ann One\tOne\tGBR\tGOV\thead_of_state\t2000-01-01\t2005-01-01\t\n"
        + "Bob One\tOne\tGBR\tGOV\tforeign_minister\t2005-01-01\t\t\n",
        encoding="utf-8",
    )
    t = OfficeHolderTable.load([path])
    assert t.lookup("one", dt.date(2004, 12, 31)) is not None
    m = t.lookup("One", dt.date(2005, 1, 1))
    assert m is not None and m.name == "Bob One" and m.matched == "One"


def test_user_file_extends_packaged_table(tmp_path: Path) -> None:
    path = tmp_path / "extra.tsv"
    path.write_text(
        HEADER + "Zed Example\tZedex\tNZL\tGOV\thead_of_government\t2020-01-01\t\t\n", encoding="utf-8"
    )
    t = OfficeHolderTable.load([path], include_default=True)
    assert t.lookup("Zedex", dt.date(2021, 1, 1)) is not None
    assert t.lookup("Lavrov", dt.date(2021, 1, 1)) is not None
    assert len(t) == len(default_table()) + 1


# --------------------------------------------------------------- extended coverage (1990s, more countries)


@pytest.mark.parametrize(
    ("name", "day", "full", "country", "role"),
    [
        ("Museveni", dt.date(1998, 3, 1), "Yoweri Museveni", "UGA", "head_of_state"),
        ("Bizimungu", dt.date(1997, 1, 1), "Pasteur Bizimungu", "RWA", "head_of_state"),
        ("Kagame", dt.date(2010, 1, 1), "Paul Kagame", "RWA", "head_of_state"),
        ("Chiluba", dt.date(1995, 6, 1), "Frederick Chiluba", "ZMB", "head_of_state"),
        ("Hichilema", dt.date(2023, 1, 1), "Hakainde Hichilema", "ZMB", "head_of_state"),
        ("Mugabe", dt.date(2005, 1, 1), "Robert Mugabe", "ZWE", "head_of_state"),
        ("Mnangagwa", dt.date(2020, 1, 1), "Emmerson Mnangagwa", "ZWE", "head_of_state"),
        ("Eduardo dos Santos", dt.date(1995, 1, 1), "José Eduardo dos Santos", "AGO", "head_of_state"),
        ("Lourenco", dt.date(2019, 1, 1), "João Lourenço", "AGO", "head_of_state"),
        ("Akayev", dt.date(2000, 1, 1), "Askar Akayev", "KGZ", "head_of_state"),
        ("Bakiyev", dt.date(2008, 1, 1), "Kurmanbek Bakiyev", "KGZ", "head_of_state"),
        ("Otunbayeva", dt.date(2011, 1, 1), "Roza Otunbayeva", "KGZ", "head_of_state"),
        ("Japarov", dt.date(2022, 1, 1), "Sadyr Japarov", "KGZ", "head_of_state"),
        ("Nazarbayev", dt.date(1999, 1, 1), "Nursultan Nazarbayev", "KAZ", "head_of_state"),
        ("Tudjman", dt.date(1995, 8, 1), "Franjo Tuđman", "HRV", "head_of_state"),
        ("Mesic", dt.date(2005, 1, 1), "Stjepan Mesić", "HRV", "head_of_state"),
        ("Djukanovic", dt.date(2000, 1, 1), "Milo Đukanović", "MNE", "head_of_state"),
        ("Djukanovic", dt.date(2004, 1, 1), "Milo Đukanović", "MNE", "head_of_government"),
        ("Fujimori", dt.date(1995, 1, 1), "Alberto Fujimori", "PER", "head_of_state"),
        ("Hun Sen", dt.date(2010, 1, 1), "Hun Sen", "KHM", "head_of_government"),
        ("Mahathir", dt.date(1995, 1, 1), "Mahathir Mohamad", "MYS", "head_of_government"),
        ("Mahathir", dt.date(2019, 1, 1), "Mahathir Mohamad", "MYS", "head_of_government"),
        ("Mitterrand", dt.date(1993, 1, 1), "François Mitterrand", "FRA", "head_of_state"),
        ("Kohl", dt.date(1992, 1, 1), "Helmut Kohl", "DEU", "head_of_government"),
        ("Yeltsin", dt.date(1993, 10, 4), "Boris Yeltsin", "RUS", "head_of_state"),
        ("John Major", dt.date(1992, 4, 9), "John Major", "GBR", "head_of_government"),
        ("Thatcher", dt.date(1990, 3, 1), "Margaret Thatcher", "GBR", "head_of_government"),
    ],
)
def test_extended_coverage(
    table: OfficeHolderTable, name: str, day: dt.date, full: str, country: str, role: str
) -> None:
    m = table.lookup(name, day)
    assert m is not None
    assert (m.name, m.country, m.sector, m.role, m.former) == (full, country, "GOV", role, False)


def test_bush_alias_is_scoped_by_date(table: OfficeHolderTable) -> None:
    senior = table.lookup("Bush", dt.date(1991, 1, 17))
    assert senior is not None and senior.name == "George H. W. Bush" and not senior.former
    junior = table.lookup("Bush", dt.date(2003, 3, 20))
    assert junior is not None and junior.name == "George W. Bush" and not junior.former
    # Between the two presidencies only the elder Bush has held office: he is the former president.
    between = table.lookup("Bush", dt.date(1995, 1, 1))
    assert between is not None and between.name == "George H. W. Bush" and between.former
    assert table.lookup("Bush", None) is None


def test_clinton_from_1993(table: OfficeHolderTable) -> None:
    assert table.lookup("Clinton", dt.date(1992, 6, 1)) is None
    m = table.lookup("Clinton", dt.date(1993, 6, 1))
    assert m is not None and m.name == "Bill Clinton" and m.role == "head_of_state"


def test_chirac_succeeds_mitterrand_on_1995_05_17(table: OfficeHolderTable) -> None:
    before = table.lookup("Mitterrand", dt.date(1995, 5, 16))
    assert before is not None and not before.former
    after = table.lookup("Mitterrand", dt.date(1995, 5, 17))
    assert after is not None and after.former and after.sector == "ELI"
    chirac = table.lookup("Chirac", dt.date(1995, 5, 17))
    assert chirac is not None and chirac.role == "head_of_state" and not chirac.former


def test_former_african_leader_is_elite(table: OfficeHolderTable) -> None:
    m = table.lookup("Kaunda", dt.date(1995, 1, 1))
    assert m is not None and (m.name, m.country, m.sector, m.former) == ("Kenneth Kaunda", "ZMB", "ELI", True)


def test_deby_father_then_son(table: OfficeHolderTable) -> None:
    father = table.lookup("Deby", dt.date(2010, 1, 1))
    son = table.lookup("Déby", dt.date(2022, 1, 1))
    assert father is not None and father.name == "Idriss Déby"
    assert son is not None and son.name == "Mahamat Déby" and not son.former


def test_country_of_a_name_shared_by_holders_of_one_country(table: OfficeHolderTable) -> None:
    assert table.lookup("Bush") is None  # two presidents: no dated identity without a date
    assert table.country_of("Bush") == "USA"
    assert table.country_of("President Bush") == "USA"
    assert table.country_of("Nobody Atall") == ""


def test_undated_article_still_gives_a_named_leader_his_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = pipeline.code_text("President Bush criticized Russia. President Bill Clinton praised Kenya.")
    sources = {(e.source.text, e.source.country, e.source.sector) for e in events}
    assert ("President Bush", "USA", "GOV") in sources
    assert ("President Bill Clinton", "USA", "GOV") in sources


def test_leader_name_modifying_a_body_gives_its_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = pipeline.code_text("The Obama administration imposed sanctions on Iran.", published="2012-03-01")
    src = events[0].source
    assert (src.text, src.country, src.sector) == ("Obama administration", "USA", "GOV")
    assert "office-holder:Barack Obama" in src.matched_by
    unknown = pipeline.code_text(
        "The Smithson administration imposed sanctions on Iran.", published="2012-03-01"
    )
    assert unknown == [] or unknown[0].source.country == ""

"""Tests of the actor dictionaries (countries.tsv, agents.yaml) and the string-level resolver."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwire.actors.dictionary import (
    SECTOR_CODES,
    AgentTable,
    CountryMatch,
    CountryTable,
    resolve_phrase,
)
from eventwire.errors import DictionaryError
from eventwire.models import ActorCode


@pytest.fixture(scope="module")
def countries() -> CountryTable:
    return CountryTable.load()


@pytest.fixture(scope="module")
def agents() -> AgentTable:
    return AgentTable.load()


# Written out by hand (not read from the data file): common English name -> ISO 3166-1 alpha-3.
COUNTRY_NAMES = {
    "Afghanistan": "AFG", "Albania": "ALB", "Algeria": "DZA", "Andorra": "AND", "Angola": "AGO",
    "Antigua and Barbuda": "ATG", "Argentina": "ARG", "Armenia": "ARM", "Australia": "AUS",
    "Austria": "AUT", "Azerbaijan": "AZE", "Bahamas": "BHS", "Bahrain": "BHR", "Bangladesh": "BGD",
    "Barbados": "BRB", "Belarus": "BLR", "Belgium": "BEL", "Belize": "BLZ", "Benin": "BEN",
    "Bhutan": "BTN", "Bolivia": "BOL", "Bosnia and Herzegovina": "BIH", "Botswana": "BWA",
    "Brazil": "BRA", "Brunei": "BRN", "Bulgaria": "BGR", "Burkina Faso": "BFA", "Burundi": "BDI",
    "Cape Verde": "CPV", "Cambodia": "KHM", "Cameroon": "CMR", "Canada": "CAN",
    "Central African Republic": "CAF", "Chad": "TCD", "Chile": "CHL", "China": "CHN",
    "Colombia": "COL", "Comoros": "COM", "Republic of the Congo": "COG",
    "Democratic Republic of the Congo": "COD", "Costa Rica": "CRI", "Ivory Coast": "CIV",
    "Croatia": "HRV", "Cuba": "CUB", "Cyprus": "CYP", "Czech Republic": "CZE", "Denmark": "DNK",
    "Djibouti": "DJI", "Dominica": "DMA", "Dominican Republic": "DOM", "Ecuador": "ECU",
    "Egypt": "EGY", "El Salvador": "SLV", "Equatorial Guinea": "GNQ", "Eritrea": "ERI",
    "Estonia": "EST", "Eswatini": "SWZ", "Ethiopia": "ETH", "Fiji": "FJI", "Finland": "FIN",
    "France": "FRA", "Gabon": "GAB", "Gambia": "GMB", "Georgia": "GEO", "Germany": "DEU",
    "Ghana": "GHA", "Greece": "GRC", "Grenada": "GRD", "Guatemala": "GTM", "Guinea": "GIN",
    "Guinea-Bissau": "GNB", "Guyana": "GUY", "Haiti": "HTI", "Honduras": "HND", "Hungary": "HUN",
    "Iceland": "ISL", "India": "IND", "Indonesia": "IDN", "Iran": "IRN", "Iraq": "IRQ",
    "Ireland": "IRL", "Israel": "ISR", "Italy": "ITA", "Jamaica": "JAM", "Japan": "JPN",
    "Jordan": "JOR", "Kazakhstan": "KAZ", "Kenya": "KEN", "Kiribati": "KIR", "North Korea": "PRK",
    "South Korea": "KOR", "Kuwait": "KWT", "Kyrgyzstan": "KGZ", "Laos": "LAO", "Latvia": "LVA",
    "Lebanon": "LBN", "Lesotho": "LSO", "Liberia": "LBR", "Libya": "LBY", "Liechtenstein": "LIE",
    "Lithuania": "LTU", "Luxembourg": "LUX", "Madagascar": "MDG", "Malawi": "MWI",
    "Malaysia": "MYS", "Maldives": "MDV", "Mali": "MLI", "Malta": "MLT", "Marshall Islands": "MHL",
    "Mauritania": "MRT", "Mauritius": "MUS", "Mexico": "MEX", "Micronesia": "FSM", "Moldova": "MDA",
    "Monaco": "MCO", "Mongolia": "MNG", "Montenegro": "MNE", "Morocco": "MAR", "Mozambique": "MOZ",
    "Myanmar": "MMR", "Namibia": "NAM", "Nauru": "NRU", "Nepal": "NPL", "Netherlands": "NLD",
    "New Zealand": "NZL", "Nicaragua": "NIC", "Niger": "NER", "Nigeria": "NGA",
    "North Macedonia": "MKD", "Norway": "NOR", "Oman": "OMN", "Pakistan": "PAK", "Palau": "PLW",
    "Panama": "PAN", "Papua New Guinea": "PNG", "Paraguay": "PRY", "Peru": "PER",
    "Philippines": "PHL", "Poland": "POL", "Portugal": "PRT", "Qatar": "QAT", "Romania": "ROU",
    "Russia": "RUS", "Rwanda": "RWA", "Saint Kitts and Nevis": "KNA", "Saint Lucia": "LCA",
    "Saint Vincent and the Grenadines": "VCT", "Samoa": "WSM", "San Marino": "SMR",
    "Saudi Arabia": "SAU", "Senegal": "SEN", "Serbia": "SRB", "Seychelles": "SYC",
    "Sierra Leone": "SLE", "Singapore": "SGP", "Slovakia": "SVK", "Slovenia": "SVN",
    "Solomon Islands": "SLB", "Somalia": "SOM", "South Africa": "ZAF", "South Sudan": "SSD",
    "Spain": "ESP", "Sri Lanka": "LKA", "Sudan": "SDN", "Suriname": "SUR", "Sweden": "SWE",
    "Switzerland": "CHE", "Syria": "SYR", "Tajikistan": "TJK", "Tanzania": "TZA",
    "Thailand": "THA", "East Timor": "TLS", "Togo": "TGO", "Tonga": "TON",
    "Trinidad and Tobago": "TTO", "Tunisia": "TUN", "Turkey": "TUR", "Turkmenistan": "TKM",
    "Tuvalu": "TUV", "Uganda": "UGA", "Ukraine": "UKR", "United Arab Emirates": "ARE",
    "United Kingdom": "GBR", "United States": "USA", "Uruguay": "URY", "Uzbekistan": "UZB",
    "Vanuatu": "VUT", "Venezuela": "VEN", "Vietnam": "VNM", "Yemen": "YEM", "Zambia": "ZMB",
    "Zimbabwe": "ZWE", "Taiwan": "TWN", "Kosovo": "XKX", "Palestine": "PSE", "Hong Kong": "HKG",
    "Macau": "MAC", "Western Sahara": "ESH", "Vatican City": "VAT", "Greenland": "GRL",
    "Puerto Rico": "PRI", "Bermuda": "BMU", "Guam": "GUM", "Gibraltar": "GIB",
}  # fmt: skip

# demonym, capital -> iso3 for about forty countries
DEMONYMS_CAPITALS = [
    ("Chinese", "Beijing", "CHN"), ("Russian", "Moscow", "RUS"), ("American", "Washington", "USA"),
    ("British", "London", "GBR"), ("French", "Paris", "FRA"), ("German", "Berlin", "DEU"),
    ("Iranian", "Tehran", "IRN"), ("Israeli", "Jerusalem", "ISR"), ("Turkish", "Ankara", "TUR"),
    ("Ukrainian", "Kyiv", "UKR"), ("Ukrainian", "Kiev", "UKR"), ("Indian", "New Delhi", "IND"),
    ("Pakistani", "Islamabad", "PAK"), ("Japanese", "Tokyo", "JPN"), ("South Korean", "Seoul", "KOR"),
    ("North Korean", "Pyongyang", "PRK"), ("Syrian", "Damascus", "SYR"), ("Iraqi", "Baghdad", "IRQ"),
    ("Saudi", "Riyadh", "SAU"), ("Emirati", "Abu Dhabi", "ARE"), ("Qatari", "Doha", "QAT"),
    ("Egyptian", "Cairo", "EGY"), ("Lebanese", "Beirut", "LBN"), ("Jordanian", "Amman", "JOR"),
    ("Afghan", "Kabul", "AFG"), ("Australian", "Canberra", "AUS"), ("Canadian", "Ottawa", "CAN"),
    ("Mexican", "Mexico City", "MEX"), ("Brazilian", "Brasilia", "BRA"), ("Venezuelan", "Caracas", "VEN"),
    ("Cuban", "Havana", "CUB"), ("Filipino", "Manila", "PHL"), ("Vietnamese", "Hanoi", "VNM"),
    ("Thai", "Bangkok", "THA"), ("Indonesian", "Jakarta", "IDN"), ("Dutch", "The Hague", "NLD"),
    ("Polish", "Warsaw", "POL"), ("Belarusian", "Minsk", "BLR"), ("Nigerian", "Abuja", "NGA"),
    ("Kenyan", "Nairobi", "KEN"), ("Ethiopian", "Addis Ababa", "ETH"), ("Taiwanese", "Taipei", "TWN"),
    ("Yemeni", "Sanaa", "YEM"), ("Swiss", "Bern", "CHE"), ("Palestinian", "Ramallah", "PSE"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "iso3"), sorted(COUNTRY_NAMES.items()))
def test_country_names(countries: CountryTable, name: str, iso3: str) -> None:
    match = countries.lookup(name)
    assert match is not None, name
    assert match.iso3 == iso3
    assert countries.lookup(name.upper()) is not None or name.upper() == name  # headlines


def test_enough_countries_tested(countries: CountryTable) -> None:
    assert len(COUNTRY_NAMES) >= 150
    assert len(countries) >= 249
    assert {"TWN", "XKX", "PSE", "HKG", "MAC", "ESH"} <= set(countries.countries)


@pytest.mark.parametrize(("demonym", "capital", "iso3"), DEMONYMS_CAPITALS)
def test_demonyms_and_capitals(countries: CountryTable, demonym: str, capital: str, iso3: str) -> None:
    d = countries.lookup(demonym)
    c = countries.lookup(capital)
    assert d is not None and d.iso3 == iso3 and d.kind == "demonym"
    assert c is not None and c.iso3 == iso3 and c.kind == "capital"


@pytest.mark.parametrize(
    ("phrase", "iso3"),
    [
        ("Russians", "RUS"), ("Americans", "USA"), ("Britons", "GBR"), ("Briton", "GBR"),
        ("Israelis", "ISR"), ("Filipinos", "PHL"), ("Saudis", "SAU"), ("Emiratis", "ARE"),
    ],
)  # fmt: skip
def test_plural_demonyms(countries: CountryTable, phrase: str, iso3: str) -> None:
    match = countries.lookup(phrase)
    assert match is not None and match.iso3 == iso3 and match.kind == "demonym"


@pytest.mark.parametrize(
    ("phrase", "iso3"),
    [
        ("U.S.", "USA"), ("US", "USA"), ("USA", "USA"), ("the U.S.", "USA"), ("U.S", "USA"),
        ("the U.S.'s", "USA"), ("America", "USA"), ("United States of America", "USA"),
        ("the United States", "USA"), ("UK", "GBR"), ("U.K.", "GBR"), ("Britain", "GBR"),
        ("Great Britain", "GBR"), ("Russian Federation", "RUS"), ("PRC", "CHN"), ("mainland China", "CHN"),
        ("DPRK", "PRK"), ("ROK", "KOR"), ("Burma", "MMR"), ("Côte d'Ivoire", "CIV"), ("Côte d’Ivoire", "CIV"),
        ("UAE", "ARE"), ("DRC", "COD"), ("Czechia", "CZE"), ("Türkiye", "TUR"), ("Holland", "NLD"),
        ("Yugoslavia", "SRB"), ("Yugoslav", "SRB"), ("Czechoslovakia", "CZE"), ("Soviet Union", "RUS"),
        ("Beijing's", "CHN"), ("China's", "CHN"), ("Americans'", "USA"), ("Kremlin", None),
    ],
)  # fmt: skip
def test_short_forms(countries: CountryTable, phrase: str, iso3: str | None) -> None:
    match = countries.lookup(phrase)
    assert (match.iso3 if match else None) == iso3


def test_case_sensitive_acronyms(countries: CountryTable) -> None:
    assert countries.lookup("us") is None
    assert countries.lookup("Us") is None
    assert countries.find_all("He told us that chad is a name.") == []


def test_hyphenated(countries: CountryTable) -> None:
    assert countries.lookup("Russian-backed") == CountryMatch("RUS", "demonym", "Russian")
    assert countries.lookup("pro-Russian") == CountryMatch("RUS", "demonym", "Russian")
    assert countries.lookup("Guinea-Bissau") == CountryMatch("GNB", "name", "Guinea-Bissau")
    found = countries.find_all("China-Russia ties")
    assert [(s, e, m.iso3) for s, e, m in found] == [(0, 5, "CHN"), (6, 12, "RUS")]


def test_find_all_offsets_and_longest(countries: CountryTable) -> None:
    text = "U.S.-backed forces met South Korean and South Sudanese envoys, not Latin American ones."
    found = countries.find_all(text)
    assert [(text[s:e], m.iso3, m.kind) for s, e, m in found] == [
        ("U.S.", "USA", "alias"),
        ("South Korean", "KOR", "demonym"),
        ("South Sudanese", "SSD", "demonym"),
    ]
    # "South China Sea" is a !nonmatch; New Mexico is a place (places column) of the USA
    assert [m.iso3 for _, _, m in countries.find_all("the South China Sea and New Mexico")] == ["USA"]


# ------------------------------------------------------------------ agents


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("Foreign Minister", "GOV"), ("State Councilor", "GOV"), ("prime minister", "GOV"),
        ("Defense Minister", "GOV"), ("the government", "GOV"), ("ambassador", "GOV"),
        ("troops", "MIL"), ("an American destroyer", "MIL"), ("armed forces", "MIL"), ("navy", "MIL"),
        ("riot police", "COP"), ("police officers", "COP"), ("security forces", "COP"),
        ("supreme court", "JUD"), ("prosecutors", "JUD"), ("military court", "JUD"),
        ("lawmakers", "LEG"), ("parliament", "LEG"), ("MPs", "LEG"), ("senators", "LEG"),
        ("ruling party", "PTY"), ("opposition", "OPP"), ("dissidents", "OPP"),
        ("rebels", "REB"), ("militants", "REB"), ("insurgents", "REB"), ("separatists", "REB"),
        ("intelligence agency", "SPY"), ("gunmen", "UAF"), ("armed men", "UAF"), ("militia", "UAF"),
        ("civilians", "CVL"), ("protesters", "CVL"), ("residents", "CVL"),
        ("company", "BUS"), ("businessmen", "BUS"), ("state media", "MED"), ("journalists", "MED"),
        ("students", "EDU"), ("university", "EDU"), ("clerics", "REL"), ("church", "REL"),
        ("trade union", "LAB"), ("workers", "LAB"), ("farmers", "AGR"), ("refugees", "REF"),
        ("asylum seekers", "REF"), ("oligarchs", "ELI"), ("doctors", "HLH"), ("hospital", "HLH"),
        ("gangs", "CRM"), ("smugglers", "CRM"), ("aid groups", "NGO"), ("human rights group", "NGO"),
        ("international organizations", "IGO"), ("rights activists", "HRI"), ("environmentalists", "ENV"),
        ("militias", "UAF"), ("government troops", "MIL"),
    ],
)  # fmt: skip
def test_sector_of(agents: AgentTable, phrase: str, sector: str) -> None:
    found = agents.sector_of(phrase)
    assert found is not None and found[0] == sector, (phrase, found)


def test_every_sector_in_file_is_exercised(agents: AgentTable) -> None:
    sectors = set(agents.phrases().values())
    assert sectors <= SECTOR_CODES
    expected = "GOV MIL COP JUD LEG PTY OPP REB SPY UAF CVL BUS MED EDU REL LAB AGR REF ELI HLH CRM NGO IGO"
    assert set(expected.split()) <= sectors


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("opposition lawmakers", ("OPP", "opposition lawmaker")),
        ("opposition party", ("OPP", "opposition party")),
        ("former president", ("ELI", "former president")),
        ("former defense minister", ("ELI", "former defense minister")),
        ("ex-president", ("ELI", "ex president")),
        ("rebel commander", ("REB", "rebel commander")),
        ("intelligence officials", ("SPY", "intelligence official")),
    ],
)
def test_modifiers(agents: AgentTable, phrase: str, expected: tuple[str, str]) -> None:
    assert agents.sector_of(phrase) == expected


def test_no_agent(agents: AgentTable) -> None:
    assert agents.sector_of("former") is None
    assert agents.sector_of("the weather") is None


# ------------------------------------------------------------------ resolver


@pytest.mark.parametrize(
    ("phrase", "code", "how"),
    [
        ("Chinese State Councilor and Foreign Minister Wang Yi", ActorCode("CHN", "GOV"),
         "demonym:Chinese+agent:state councilor"),
        ("riot police in Minsk", ActorCode("BLR", "COP"), "capital:Minsk+agent:riot police"),
        ("Houthi rebels", ActorCode("YEM", "REB"), "group:houthi rebel"),
        ("an American destroyer", ActorCode("USA", "MIL"), "demonym:American+agent:destroyer"),
        ("Russia", ActorCode("RUS", ""), "name:Russia"),
        ("the Kremlin", ActorCode("RUS", "GOV"), "metonym:kremlin"),
        ("the White House", ActorCode("USA", "GOV"), "metonym:white house"),
        ("Downing Street", ActorCode("GBR", "GOV"), "metonym:downing street"),
        ("the Pentagon", ActorCode("USA", "MIL"), "metonym:pentagon"),
        ("Zhongnanhai", ActorCode("CHN", "GOV"), "metonym:zhongnanhai"),
        ("People's Republic of China", ActorCode("CHN", ""), "alias:People's Republic of China"),
        ("U.S. troops", ActorCode("USA", "MIL"), "alias:U.S.+agent:troops"),
        ("Israeli opposition lawmakers", ActorCode("ISR", "OPP"),
         "demonym:Israeli+agent:opposition lawmaker"),
        ("former Pentagon official", ActorCode("USA", "ELI"), "metonym:pentagon+agent:former official"),
        ("police", ActorCode("", "COP"), "agent:police"),
        ("Beijing's", ActorCode("CHN", ""), "capital:Beijing"),
    ],
)  # fmt: skip
def test_resolve_phrase(
    countries: CountryTable, agents: AgentTable, phrase: str, code: ActorCode, how: str
) -> None:
    assert resolve_phrase(phrase, countries, agents) == (code, how)


def test_resolve_nothing(countries: CountryTable, agents: AgentTable) -> None:
    assert resolve_phrase("the weather", countries, agents) is None


# ------------------------------------------------------------------ loading and validation


def test_loaders_are_cached(tmp_path: Path) -> None:
    assert CountryTable.load() is CountryTable.load()
    assert AgentTable.load() is AgentTable.load()


COUNTRY_HEADER = "# test table\niso3\tname\taliases\tdemonyms\tcapitals\n"


def test_country_validation_reports_all_rows(tmp_path: Path) -> None:
    path = tmp_path / "countries.tsv"
    path.write_text(
        COUNTRY_HEADER
        + "AAA\tAaland\t\tAalish\tAacity\n"
        + "bb\tBeeland\t\t\t\n"  # bad iso3 shape
        + "AAA\tAgainland\t\t\t\n"  # duplicate iso3
        + "CCC\tSeeland\tAaland\t\t\n",  # name claimed by two countries
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as info:
        CountryTable.load(path)
    problems = info.value.problems
    assert len(problems) == 3, problems
    assert "'bb'" in problems[0]
    assert "duplicate iso3 AAA" in problems[1]
    assert "Aaland" in problems[2] and "AAA" in problems[2]
    assert info.value.path == str(path)
    assert str(info.value).startswith("[E010]")


def test_country_validation_empty_entries_and_field_count(tmp_path: Path) -> None:
    path = tmp_path / "c.tsv"
    path.write_text(
        COUNTRY_HEADER + "AAA\tAaland\tA||B\t\t\nBBB\tBeeland\n\tNoCode\t\t\t\n", encoding="utf-8"
    )
    with pytest.raises(DictionaryError) as info:
        CountryTable.load(path)
    assert len(info.value.problems) == 3


def test_custom_country_table(tmp_path: Path) -> None:
    path = tmp_path / "mini.tsv"
    path.write_text(COUNTRY_HEADER + "AAA\tAaland\tAL|A.L.\tAalish\tAacity\n", encoding="utf-8")
    table = CountryTable.load(path)
    assert table.lookup("Aalish") == CountryMatch("AAA", "demonym", "Aalish")
    assert table.lookup("AL") is not None and table.lookup("al") is None


AGENTS_OK = """
sectors:
  GOV: [minister]
modifiers: []
metonyms: {}
groups: {}
"""


def test_agent_validation_reports_all(tmp_path: Path) -> None:
    path = tmp_path / "agents.yaml"
    path.write_text(
        """
sectors:
  GOV: [minister, "", Minister]
  XYZ: [thing]
  MIL: [minister]
modifiers:
  - {word: former, sector: QQQ}
metonyms:
  kremlin: RUSGOVX
groups: {}
""",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as info:
        AgentTable.load(path)
    problems = info.value.problems
    # empty phrase, uppercase phrase, unknown sector XYZ, phrase in two sectors, bad modifier sector, bad code
    assert len(problems) == 6, problems
    assert any("XYZ" in p for p in problems)
    assert any("QQQ" in p for p in problems)
    assert any("RUSGOVX" in p for p in problems)


def test_agent_yaml_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("sectors: [unclosed\n", encoding="utf-8")
    with pytest.raises(DictionaryError):
        AgentTable.load(bad)
    missing = tmp_path / "missing.yaml"
    with pytest.raises(DictionaryError):
        AgentTable.load(missing)
    ok = tmp_path / "ok.yaml"
    ok.write_text(AGENTS_OK, encoding="utf-8")
    assert AgentTable.load(ok).sector_of("Ministers") == ("GOV", "minister")


# ------------------------------------------------------------------ international bodies, stance, places


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        # international bodies take the CAMEO organisation type as country code
        ("U.N.", ActorCode("UNO", "")),
        ("the United Nations", ActorCode("UNO", "")),
        ("the U.N. Security Council", ActorCode("UNO", "GOV")),
        ("U.N. Secretary-General Kofi Annan", ActorCode("UNO", "GOV")),
        ("Arab League Secretary-General Chedli Klibi", ActorCode("ARL", "GOV")),
        ("European Community foreign ministers", ActorCode("EUR", "GOV")),
        ("NATO", ActorCode("NAT", "")),
        ("the UN refugee agency", ActorCode("UNO", "REF")),
        ("U.N. war crimes court", ActorCode("IGO", "JUD")),
        ("The Africa Union", ActorCode("AFU", "")),  # "union" inside the name is not LAB
        ("Organization of American States", ActorCode("OAS", "")),  # "American" is part of the name
        ("UN peacekeepers", ActorCode("IGO", "MIL")),
        ("peacekeepers", ActorCode("IGO", "MIL")),
        ("Amnesty International", ActorCode("AMN", "HRI")),
        ("Red Cross officials", ActorCode("IRC", "HLH")),
        ("aid groups", ActorCode("NGO", "")),
        ("a human rights group", ActorCode("NGO", "")),
        ("Osama bin Laden's al-Qaeda", ActorCode("IMG", "REB")),
        # a country before the body, or after it behind a descriptor, is the actor's country
        ("NATO-member Norway", ActorCode("NOR", "")),
        ("EU member state Poland", ActorCode("POL", "")),
        ("OPEC member Nigeria", ActorCode("NGA", "")),
        ("Chinese UN ambassador", ActorCode("CHN", "GOV")),
        ("Nigerian peacekeepers", ActorCode("NGA", "MIL")),
        ("Iraqi aid group", ActorCode("IRQ", "NGO")),
        ("the U.N. Iraq envoy", ActorCode("UNO", "GOV")),
        ("London-based Amnesty International", ActorCode("AMN", "HRI")),
        # stance words and ethnic groups do not give a nationality
        ("pro-Russian separatists", ActorCode("", "REB")),
        ("anti-American protesters", ActorCode("", "CVL")),
        ("Iranian-backed militia", ActorCode("", "UAF")),
        ("pro-Iranian Hizbollah (Party of God) group", ActorCode("LBN", "REB")),
        ("Iranian-born American journalist", ActorCode("USA", "MED")),
        ("ethnic Albanians", ActorCode("", "CVL")),
        ("ethnic Albanian guerrillas", ActorCode("", "REB")),
        ("Vietnamese-led forces", ActorCode("VNM", "MIL")),
        ("Kurdish officials", ActorCode("", "GOV")),
        ("Iraqi Kurdish officials", ActorCode("IRQ", "GOV")),
        ("Bosnian Serb forces", ActorCode("BIH", "MIL")),
        ("Serb forces", ActorCode("SRB", "MIL")),
        ("Palestinian militants", ActorCode("PSE", "REB")),
        # titles and modifiers
        ("Ousted President Askar Akayev", ActorCode("", "ELI")),
        ("deposed king", ActorCode("", "ELI")),
        ("Crown Prince", ActorCode("", "GOV")),
        ("the foreign ministry spokeswoman", ActorCode("", "GOV")),
        ("the junta", ActorCode("", "GOV")),
        ("a defense lawyer", ActorCode("", "JUD")),
        ("The Alabama Court of Criminal Appeals", ActorCode("USA", "JUD")),
        ("a suicide bomber", ActorCode("", "REB")),
        ("Jewish settlers", ActorCode("ISR", "CVL")),
        # places (regions and large cities)
        ("The Uttar Pradesh government", ActorCode("IND", "GOV")),
        ("A court in Bavaria", ActorCode("DEU", "JUD")),
        ("A Kansas woman", ActorCode("USA", "CVL")),
        ("Chechen rebels", ActorCode("RUS", "REB")),
        ("NSW Premier Gladys Berejiklian", ActorCode("AUS", "GOV")),
        ("the Bavarian police in Germany", ActorCode("DEU", "COP")),
    ],
)  # fmt: skip
def test_resolve_phrase_classes(
    countries: CountryTable, agents: AgentTable, phrase: str, code: ActorCode
) -> None:
    found = resolve_phrase(phrase, countries, agents)
    assert found is not None and found[0] == code, (phrase, found)


def test_how_names_both_country_and_body(countries: CountryTable, agents: AgentTable) -> None:
    assert resolve_phrase("NATO-member Norway", countries, agents) == (
        ActorCode("NOR", ""),
        "name:Norway+metonym:nato",
    )


def test_places_column_is_optional_and_validated(tmp_path: Path) -> None:
    path = tmp_path / "places.tsv"
    path.write_text(
        "iso3\tname\taliases\tdemonyms\tcapitals\tplaces\n"
        + "AAA\tAaland\t\t\tAacity\tBeeshire\n"
        + "BBB\tBeeland\t\t\t\tBeeshire\n"  # place claimed by another country too
        + "CCC\tSeeland\t\t\t\n"  # five fields under a six-column header
        + "DDD\tDeeland\t\t\tDeecity\tDeecity\n",  # place repeats the capital
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as info:
        CountryTable.load(path)
    problems = info.value.problems
    assert len(problems) == 3, problems
    ok = tmp_path / "ok.tsv"
    ok.write_text(
        "iso3\tname\taliases\tdemonyms\tcapitals\tplaces\nAAA\tAaland\t\t\t\tBeeshire\n", encoding="utf-8"
    )
    assert CountryTable.load(ok).lookup("Beeshire") == CountryMatch("AAA", "place", "Beeshire")


def test_named_phrases_are_unique_across_hyphens(tmp_path: Path) -> None:
    path = tmp_path / "agents.yaml"
    path.write_text(
        "sectors: {}\nmodifiers: []\nmetonyms: {u.n.: IGO, u n: IGO}\n"
        "groups: {al-qaeda: IMGREB, al qaeda: IMGREB}\n",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as info:
        AgentTable.load(path)
    assert len(info.value.problems) == 2, info.value.problems


def test_named_organisations_have_codes_and_types() -> None:
    agents = AgentTable.load()
    countries = CountryTable.load()
    cases = {
        "the UN Security Council": ("UNO", "IGO"),
        "the European Union": ("EUR", "IGO"),
        "NATO": ("NAT", "IGO"),
        "the African Union": ("AFU", "IGO"),
        "ASEAN": ("ASN", "IGO"),
        "the Shanghai Cooperation Organisation": ("SCO", "IGO"),
        "BRICS": ("BRI", "IGO"),
        "OPEC": ("OPC", "IGO"),
        "the IMF": ("IMF", "IGO"),
        "the World Bank": ("WBK", "IGO"),
        "the World Health Organization": ("UNO", "IGO"),
        "the International Criminal Court": ("ICC", "IGO"),
        "Human Rights Watch": ("HRW", "NGO"),
        "aid groups": ("NGO", "NGO"),
    }
    for phrase, (code, kind) in cases.items():
        found = resolve_phrase(phrase, countries, agents)
        assert found is not None and found[0].country == code, (phrase, found)
        assert agents.organisation_type(code) == kind
    assert agents.organisation_type("CHN") == ""


def test_organisation_codes_are_validated() -> None:
    text = (
        "sectors: {}\nmodifiers: []\nmetonyms: {}\ngroups: {}\n"
        "organisations: {GOV: IGO, Abc: IGO, XYZ: FOO}\n"
    )
    with pytest.raises(DictionaryError) as err:
        AgentTable.parse(text)
    problems = " ".join(err.value.problems)
    assert (
        "organisations.GOV" in problems
        and "organisations.Abc" in problems
        and "organisations.XYZ" in problems
    )


def test_military_machines_are_military() -> None:
    countries, agents = CountryTable.load(), AgentTable.load()
    for phrase, code in (
        ("U.N. helicopters", ActorCode("UNO", "MIL")),
        ("Russian helicopter gunships", ActorCode("RUS", "MIL")),
        ("Iraqi military aircraft", ActorCode("IRQ", "MIL")),
    ):
        found = resolve_phrase(phrase, countries, agents)
        assert found is not None and found[0] == code, phrase


def test_public_before_a_noun_is_no_people(pipeline: Any) -> None:
    assert not pipeline.code_text("The governor praised public transport.", published="2020-11-10")
    [apology] = pipeline.code_text("The minister apologised to the public.", published="2020-11-10")
    assert apology.target is not None and apology.target.sector == "CVL"


def test_a_governor_general_governs_and_a_think_tank_is_no_military(pipeline: Any) -> None:
    events = pipeline.code_text(
        "In early September, Julie Payette, the Governor General of Canada, dissolved the 42nd Canadian"
        " Parliament.",
        published="2019-10-20",
    )
    assert events and all(e.source.code == "CANGOV" for e in events)
    events = pipeline.code_text(
        "Greek prime minister Kyriakos Mitsotakis, speaking to the Atlantic Council think tank, called the"
        " agreement null and void.",
        published="2019-10-20",
    )
    assert all(e.target is None or e.target.code == "NGO" for e in events)  # an organisation type, no MIL

"""Coverage of the actor resolver: many countries, every sector and the main international bodies.

Every phrase and every expected code below is written out by hand (not read from the data files), as
a news wire would write it: full and short names, demonyms, capitals used as metonyms ("Ouagadougou
said"), and titles or sector nouns ("Chilean riot police"). Expected codes follow the conventions
documented in ``eventwire/data/agents.yaml`` (every minister is GOV, police COP, protesters CVL,
rebels REB, gunmen and militias UAF, "former" ELI; named international bodies take their
organisation code in the country slot).
"""

from __future__ import annotations

import pytest

from eventwire.actors.dictionary import INTERNATIONAL_CODES, AgentTable, CountryTable, resolve_phrase
from eventwire.models import ActorCode


@pytest.fixture(scope="module")
def countries() -> CountryTable:
    return CountryTable.load()


@pytest.fixture(scope="module")
def agents() -> AgentTable:
    return AgentTable.load()


def _params(cases: list[tuple[str, str, str]]) -> list[object]:
    """(phrase, country, sector) -> pytest params with readable ids: "Chilean riot police->CHL.COP"."""
    return [
        pytest.param(phrase, ActorCode(country, sector), id=f"{phrase}->{country}.{sector or '-'}")
        for phrase, country, sector in cases
    ]


# ------------------------------------------------------------------ countries

# (phrase, ISO 3166-1 alpha-3, sector): one or more realistic phrases per country, mixing full names,
# short names, demonyms, capitals and titles.
COUNTRY_PHRASES: list[tuple[str, str, str]] = [
    # Africa
    ("Algerian troops", "DZA", "MIL"),
    ("the Angolan government", "AGO", "GOV"),
    ("Luanda said", "AGO", ""),
    ("Cabinda separatists", "AGO", "REB"),
    ("Beninese soldiers", "BEN", "MIL"),
    ("Dahomey", "BEN", ""),  # former name
    ("the Republic of Botswana", "BWA", ""),
    ("Botswana's president", "BWA", "GOV"),
    ("Ouagadougou said", "BFA", ""),
    ("Burkinabe soldiers", "BFA", "MIL"),
    ("Upper Volta", "BFA", ""),  # former name
    ("Burundian refugees", "BDI", "REF"),
    ("the Cape Verdean government", "CPV", "GOV"),
    ("Cameroonian separatists", "CMR", "REB"),
    ("police in Douala", "CMR", "COP"),
    ("Bamenda", "CMR", ""),
    ("rebels in the Central African Republic", "CAF", "REB"),
    ("Chadian troops", "TCD", "MIL"),
    ("the Union of the Comoros", "COM", ""),
    ("authorities in Brazzaville", "COG", "GOV"),
    ("the Democratic Republic of Congo's army", "COD", "MIL"),
    ("Kinshasa said", "COD", ""),
    ("Ivorian soldiers", "CIV", "MIL"),
    ("protesters in Bouake", "CIV", "CVL"),
    ("Djiboutian coast guard", "DJI", "MIL"),
    ("the Egyptian army", "EGY", "MIL"),
    ("Cairo said", "EGY", ""),
    ("Malabo said", "GNQ", ""),
    ("Eritrean refugees", "ERI", "REF"),
    ("Asmara", "ERI", ""),
    ("Swazi King Mswati III", "SWZ", "GOV"),
    ("Ethiopian Prime Minister Abiy Ahmed", "ETH", "GOV"),
    ("Addis Ababa said", "ETH", ""),
    ("the Gabonese junta", "GAB", "GOV"),
    ("Gambian lawmakers", "GMB", "LEG"),
    ("Ghanaian police", "GHA", "COP"),
    ("Accra said", "GHA", ""),
    ("Conakry", "GIN", ""),
    ("Guinea-Bissau's president", "GNB", "GOV"),
    ("Kenyan MPs", "KEN", "LEG"),
    ("Nairobi said", "KEN", ""),
    ("Maseru", "LSO", ""),
    ("Liberian President George Weah", "LBR", "GOV"),
    ("Libyan militias", "LBY", "UAF"),
    ("Malagasy soldiers", "MDG", "MIL"),
    ("Madagascan troops", "MDG", "MIL"),
    ("Malawian", "MWI", ""),
    ("Lilongwe said", "MWI", ""),
    ("Malian jihadists", "MLI", "REB"),
    ("Bamako said", "MLI", ""),
    ("Mauritanian authorities", "MRT", "GOV"),
    ("the Mauritian prime minister", "MUS", "GOV"),
    ("Moroccan police", "MAR", "COP"),
    ("Rabat said", "MAR", ""),
    ("Mozambican troops", "MOZ", "MIL"),
    ("Maputo said", "MOZ", ""),
    ("Namibian farmers", "NAM", "AGR"),
    ("Windhoek", "NAM", ""),
    ("Nigerien soldiers", "NER", "MIL"),
    ("Niamey said", "NER", ""),
    ("soldiers in Tillaberi", "NER", "MIL"),
    ("Agadez", "NER", ""),
    ("Nigerian police", "NGA", "COP"),
    ("Abuja said", "NGA", ""),
    ("Rwandan President Paul Kagame", "RWA", "GOV"),
    ("Kigali said", "RWA", ""),
    ("Sao Tome and Principe", "STP", ""),
    ("Senegalese gendarmes", "SEN", "COP"),
    ("Dakar said", "SEN", ""),
    ("Casamance rebels", "SEN", "REB"),
    ("Seychellois fishermen", "SYC", "AGR"),
    ("Sierra Leonean President Julius Maada Bio", "SLE", "GOV"),
    ("Freetown", "SLE", ""),
    ("Somali pirates", "SOM", "CRM"),
    ("Mogadishu said", "SOM", ""),
    ("South African police", "ZAF", "COP"),
    ("Pretoria said", "ZAF", ""),
    ("South Sudanese troops", "SSD", "MIL"),
    ("Juba said", "SSD", ""),
    ("Sudanese doctors", "SDN", "HLH"),
    ("Khartoum said", "SDN", ""),
    ("Tanzanian police", "TZA", "COP"),
    ("the United Republic of Tanzania", "TZA", ""),
    ("Zanzibar's opposition", "TZA", "OPP"),
    ("Togolese protesters", "TGO", "CVL"),
    ("Lome said", "TGO", ""),
    ("Tunisian President Kais Saied", "TUN", "GOV"),
    ("Tunis said", "TUN", ""),
    ("Ugandan opposition leader Bobi Wine", "UGA", "OPP"),
    ("Kampala said", "UGA", ""),
    ("Zambian miners", "ZMB", "LAB"),
    ("Lusaka said", "ZMB", ""),
    ("Zimbabwean police", "ZWE", "COP"),
    ("Harare said", "ZWE", ""),
    ("Western Sahara", "ESH", ""),
    # Americas
    ("Antiguan police", "ATG", "COP"),
    ("Argentine lawmakers", "ARG", "LEG"),
    ("Buenos Aires said", "ARG", ""),
    ("Bahamian authorities", "BHS", "GOV"),
    ("the Barbadian prime minister", "BRB", "GOV"),
    ("Belizean police", "BLZ", "COP"),
    ("Bolivian miners", "BOL", "LAB"),
    ("the Plurinational State of Bolivia", "BOL", ""),
    ("the Brazilian Senate", "BRA", "LEG"),
    ("Brasilia said", "BRA", ""),
    ("Canadian troops", "CAN", "MIL"),
    ("Ottawa said", "CAN", ""),
    ("Chilean riot police", "CHL", "COP"),
    ("Santiago said", "CHL", ""),
    ("Colombian guerrillas", "COL", "REB"),
    ("Bogota said", "COL", ""),
    ("the Costa Rican president", "CRI", "GOV"),
    ("Cuban dissidents", "CUB", "OPP"),
    ("Havana said", "CUB", ""),
    ("the Commonwealth of Dominica", "DMA", ""),
    ("Dominican immigration officials", "DOM", "GOV"),
    ("Santo Domingo said", "DOM", ""),
    ("Ecuadorian prosecutors", "ECU", "JUD"),
    ("Quito said", "ECU", ""),
    ("Salvadoran gang members", "SLV", "CRM"),
    ("San Salvador", "SLV", ""),
    ("Grenadian officials", "GRD", "GOV"),
    ("Guatemalan soldiers", "GTM", "MIL"),
    ("Guatemala City", "GTM", ""),
    ("Guyanese President Irfaan Ali", "GUY", "GOV"),
    ("Georgetown said", "GUY", ""),
    ("Haitian gangs", "HTI", "CRM"),
    ("Port-au-Prince", "HTI", ""),
    ("Honduran migrants", "HND", "REF"),
    ("Tegucigalpa said", "HND", ""),
    ("Jamaican police", "JAM", "COP"),
    ("Mexican drug cartels", "MEX", "CRM"),
    ("Mexico City said", "MEX", ""),
    ("Nicaraguan opposition", "NIC", "OPP"),
    ("Managua said", "NIC", ""),
    ("Panamanian authorities", "PAN", "GOV"),
    ("Paraguayan farmers", "PRY", "AGR"),
    ("Asuncion said", "PRY", ""),
    ("the Peruvian Congress", "PER", "LEG"),
    ("Lima said", "PER", ""),
    ("Puerto Rican voters", "PRI", "CVL"),
    ("St. Kitts and Nevis", "KNA", ""),
    ("the Saint Lucian government", "LCA", "GOV"),
    ("Saint Vincent and the Grenadines", "VCT", ""),
    ("Surinamese soldiers", "SUR", "MIL"),
    ("Paramaribo", "SUR", ""),
    ("Trinidad and Tobago police", "TTO", "COP"),
    ("Port of Spain", "TTO", ""),
    ("the United States", "USA", ""),
    ("American troops", "USA", "MIL"),
    ("Uruguayan President Luis Lacalle Pou", "URY", "GOV"),
    ("Montevideo said", "URY", ""),
    ("Venezuelan migrants", "VEN", "REF"),
    ("Caracas said", "VEN", ""),
    ("Greenlandic lawmakers", "GRL", "LEG"),
    ("Nuuk", "GRL", ""),
    # Asia
    ("Afghan security forces", "AFG", "COP"),
    ("Kabul said", "AFG", ""),
    ("Armenian Prime Minister Nikol Pashinyan", "ARM", "GOV"),
    ("Yerevan said", "ARM", ""),
    ("officials in Baku", "AZE", "GOV"),
    ("Azerbaijani troops", "AZE", "MIL"),
    ("Bahraini protesters", "BHR", "CVL"),
    ("Manama said", "BHR", ""),
    ("Bangladeshi garment workers", "BGD", "LAB"),
    ("Dhaka said", "BGD", ""),
    ("Bhutanese refugees", "BTN", "REF"),
    ("Thimphu", "BTN", ""),
    ("the Sultan of Brunei", "BRN", "GOV"),
    ("Cambodian opposition party", "KHM", "OPP"),
    ("Phnom Penh said", "KHM", ""),
    ("Chinese state media", "CHN", "MED"),
    ("Beijing said", "CHN", ""),
    ("Hong Kong police", "HKG", "COP"),
    ("Macau casino workers", "MAC", "LAB"),
    ("the Indian army", "IND", "MIL"),
    ("New Delhi said", "IND", ""),
    ("Indonesian police officers", "IDN", "COP"),
    ("Jakarta said", "IDN", ""),
    ("Iranian students", "IRN", "EDU"),
    ("Tehran said", "IRN", ""),
    ("Iraqi militias", "IRQ", "UAF"),
    ("Baghdad said", "IRQ", ""),
    ("Israeli settlers", "ISR", "CVL"),
    ("Japanese businessmen", "JPN", "BUS"),
    ("Tokyo said", "JPN", ""),
    ("Jordanian citizens", "JOR", "CVL"),
    ("Jordan's King Abdullah", "JOR", "GOV"),
    ("Kazakh authorities", "KAZ", "GOV"),
    ("Astana said", "KAZ", ""),
    ("North Korean soldiers", "PRK", "MIL"),
    ("Pyongyang said", "PRK", ""),
    ("South Korean trade unions", "KOR", "LAB"),
    ("Seoul said", "KOR", ""),
    ("the Kuwaiti emir", "KWT", "GOV"),
    ("Kyrgyz opposition", "KGZ", "OPP"),
    ("Bishkek said", "KGZ", ""),
    ("Laotian officials", "LAO", "GOV"),
    ("Vientiane said", "LAO", ""),
    ("Lebanese villagers", "LBN", "CVL"),
    ("Beirut said", "LBN", ""),
    ("Malaysian police", "MYS", "COP"),
    ("Kuala Lumpur said", "MYS", ""),
    ("Maldivian opposition", "MDV", "OPP"),
    ("Mongolian lawmakers", "MNG", "LEG"),
    ("Ulaanbaatar said", "MNG", ""),
    ("the Myanmar junta", "MMR", "GOV"),
    ("Burmese refugees", "MMR", "REF"),
    ("the Nepali foreign minister", "NPL", "GOV"),
    ("Kathmandu said", "NPL", ""),
    ("Omani mediators", "OMN", ""),
    ("Muscat said", "OMN", ""),
    ("Pakistan's Supreme Court", "PAK", "JUD"),
    ("Islamabad said", "PAK", ""),
    ("Palestinian militants", "PSE", "REB"),
    ("Philippine troops", "PHL", "MIL"),
    ("Manila said", "PHL", ""),
    ("Qatari mediators", "QAT", ""),
    ("Doha said", "QAT", ""),
    ("Saudi Crown Prince Mohammed bin Salman", "SAU", "GOV"),
    ("Riyadh said", "SAU", ""),
    ("Singaporean investors", "SGP", "BUS"),
    ("Sri Lankan Tamil refugees", "LKA", "REF"),
    ("Colombo said", "LKA", ""),
    ("the Syrian army", "SYR", "MIL"),
    ("Damascus said", "SYR", ""),
    ("Taiwanese lawmakers", "TWN", "LEG"),
    ("Taipei said", "TWN", ""),
    ("Tajik border guards", "TJK", "MIL"),
    ("Dushanbe said", "TJK", ""),
    ("Thai teachers", "THA", "EDU"),
    ("Bangkok said", "THA", ""),
    ("East Timorese", "TLS", ""),
    ("Dili said", "TLS", ""),
    ("Timor Leste", "TLS", ""),
    ("Turkish intelligence officials", "TUR", "SPY"),
    ("Ankara said", "TUR", ""),
    ("Turkmen authorities", "TKM", "GOV"),
    ("Ashgabat said", "TKM", ""),
    ("the United Arab Emirates", "ARE", ""),
    ("Emirati officials", "ARE", "GOV"),
    ("Uzbek authorities", "UZB", "GOV"),
    ("Tashkent said", "UZB", ""),
    ("Vietnam's Communist Party", "VNM", "PTY"),
    ("Hanoi said", "VNM", ""),
    ("Ho Chi Minh City police", "VNM", "COP"),
    ("Yemeni government forces", "YEM", "MIL"),
    ("Sanaa said", "YEM", ""),
    # Europe
    ("Tirana said", "ALB", ""),
    ("Albanian police", "ALB", "COP"),
    ("the Principality of Andorra", "AND", ""),
    ("the Austrian chancellor", "AUT", "GOV"),
    ("Vienna said", "AUT", ""),
    ("the Belarusian opposition leader", "BLR", "OPP"),
    ("Belarussian riot police", "BLR", "COP"),
    ("Belgian prosecutors", "BEL", "JUD"),
    ("authorities in Sarajevo", "BIH", "GOV"),
    ("Bulgarian border police", "BGR", "COP"),
    ("Sofia said", "BGR", ""),
    ("Croatian police", "HRV", "COP"),
    ("Zagreb said", "HRV", ""),
    ("Nicosia said", "CYP", ""),
    ("Greek Cypriot police", "CYP", "COP"),  # Cypriots, not Greeks (like "Bosnian Serb" -> BIH)
    ("Turkish Cypriot leaders", "CYP", "GOV"),
    ("Czech lawmakers", "CZE", "LEG"),
    ("Prague said", "CZE", ""),
    ("Danish police", "DNK", "COP"),
    ("Copenhagen said", "DNK", ""),
    ("the Estonian defence minister", "EST", "GOV"),
    ("Tallinn said", "EST", ""),
    ("Finnish border guards", "FIN", "MIL"),
    ("Helsinki said", "FIN", ""),
    ("French riot police", "FRA", "COP"),
    ("Paris said", "FRA", ""),
    ("the Georgian opposition", "GEO", "OPP"),
    ("Tbilisi said", "GEO", ""),
    ("the German chancellor", "DEU", "GOV"),
    ("the Greek coast guard", "GRC", "MIL"),
    ("Athens said", "GRC", ""),
    ("Hungarian Prime Minister Viktor Orban", "HUN", "GOV"),
    ("Budapest said", "HUN", ""),
    ("Icelandic fishermen", "ISL", "AGR"),
    ("Reykjavik said", "ISL", ""),
    ("Irish farmers", "IRL", "AGR"),
    ("Dublin said", "IRL", ""),
    ("Italian prosecutors", "ITA", "JUD"),
    ("Rome said", "ITA", ""),
    ("Kosovar police", "XKX", "COP"),
    ("Pristina said", "XKX", ""),
    ("Latvian lawmakers", "LVA", "LEG"),
    ("Riga said", "LVA", ""),
    ("the Principality of Liechtenstein", "LIE", ""),
    ("Lithuanian troops", "LTU", "MIL"),
    ("Vilnius said", "LTU", ""),
    ("Luxembourg's prime minister", "LUX", "GOV"),
    ("Maltese authorities", "MLT", "GOV"),
    ("Valletta said", "MLT", ""),
    ("the Republic of Moldova", "MDA", ""),
    ("Moldovan police", "MDA", "COP"),
    ("Chisinau said", "MDA", ""),
    ("Monaco's Prince Albert", "MCO", "GOV"),
    ("Montenegrin lawmakers", "MNE", "LEG"),
    ("Podgorica said", "MNE", ""),
    ("Dutch prosecutors", "NLD", "JUD"),
    ("North Macedonian police", "MKD", "COP"),
    ("Skopje said", "MKD", ""),
    ("Norwegian investors", "NOR", "BUS"),
    ("Oslo said", "NOR", ""),
    ("Polish bishops", "POL", "REL"),
    ("Warsaw said", "POL", ""),
    ("Portuguese police", "PRT", "COP"),
    ("Lisbon said", "PRT", ""),
    ("Romanian prosecutors", "ROU", "JUD"),
    ("Bucharest said", "ROU", ""),
    ("a Russian oligarch", "RUS", "ELI"),
    ("Moscow said", "RUS", ""),
    ("San Marino", "SMR", ""),
    ("Serbian police", "SRB", "COP"),
    ("Belgrade said", "SRB", ""),
    ("Slovak lawmakers", "SVK", "LEG"),
    ("Bratislava said", "SVK", ""),
    ("Slovenian police", "SVN", "COP"),
    ("Ljubljana said", "SVN", ""),
    ("Spanish police", "ESP", "COP"),
    ("Madrid said", "ESP", ""),
    ("Swedish climate activists", "SWE", "ENV"),
    ("Stockholm said", "SWE", ""),
    ("Swiss prosecutors", "CHE", "JUD"),
    ("Ukrainian troops", "UKR", "MIL"),
    ("Kyiv said", "UKR", ""),
    ("British troops", "GBR", "MIL"),
    ("London said", "GBR", ""),
    ("West Indian migrants in Britain", "GBR", "REF"),  # "West Indian" is not India
    ("the Vatican", "VAT", ""),
    ("the Holy See", "VAT", ""),
    ("Faroese fishermen", "FRO", "AGR"),
    ("Gibraltar", "GIB", ""),
    # Oceania
    ("the Australian navy", "AUS", "MIL"),
    ("Canberra said", "AUS", ""),
    ("the Fijian military", "FJI", "MIL"),
    ("Suva said", "FJI", ""),
    ("the government of Kiribati", "KIR", "GOV"),
    ("the Marshall Islands", "MHL", ""),
    ("the Federated States of Micronesia", "FSM", ""),
    ("Nauru's president", "NRU", "GOV"),
    ("New Zealand's prime minister", "NZL", "GOV"),
    ("Wellington said", "NZL", ""),
    ("Palauan officials", "PLW", "GOV"),
    ("Papua New Guinean police", "PNG", "COP"),
    ("Port Moresby said", "PNG", ""),
    ("Samoan officials", "WSM", "GOV"),
    ("Apia", "WSM", ""),
    ("Solomon Islands police", "SLB", "COP"),
    ("Honiara said", "SLB", ""),
    ("Tongan soldiers", "TON", "MIL"),
    ("Nuku'alofa", "TON", ""),
    ("Tuvaluan officials", "TUV", "GOV"),
    ("Vanuatu's prime minister", "VUT", "GOV"),
    ("Port Vila", "VUT", ""),
    ("New Caledonian separatists", "NCL", "REB"),
    ("French Polynesia", "PYF", ""),
    ("Guam", "GUM", ""),
]


@pytest.mark.parametrize(("phrase", "code"), _params(COUNTRY_PHRASES))
def test_country_phrases(countries: CountryTable, agents: AgentTable, phrase: str, code: ActorCode) -> None:
    found = resolve_phrase(phrase, countries, agents)
    assert found is not None and found[0] == code, (phrase, found)


def test_enough_countries_covered(countries: CountryTable) -> None:
    covered = {iso3 for _, iso3, _ in COUNTRY_PHRASES}
    assert len(covered) >= 160
    assert covered <= set(countries.countries)


# ------------------------------------------------------------------ sectors

# (phrase, country, sector): at least two phrases for each sector code that agents.yaml lists.
SECTOR_PHRASES: list[tuple[str, str, str]] = [
    # GOV: every minister, ministries, monarchs, a junta, diplomats
    ("the Kenyan interior minister", "KEN", "GOV"),
    ("Pakistan's defence minister", "PAK", "GOV"),
    ("the Kenyan Ministry of Justice", "KEN", "GOV"),
    ("the Egyptian embassy", "EGY", "GOV"),
    ("Malian junta leader Assimi Goita", "MLI", "GOV"),
    ("the Nigerian presidency", "NGA", "GOV"),
    ("Ghana's Minister of Labour", "GHA", "GOV"),  # not LAB: the title is a minister
    ("the Brazilian Ministry of Labor", "BRA", "GOV"),
    # MIL
    ("Indian warplanes", "IND", "MIL"),
    ("a Chinese aircraft carrier", "CHN", "MIL"),
    ("Nigerian army officers", "NGA", "MIL"),
    ("Israeli reservists", "ISR", "MIL"),
    ("Russian conscripts", "RUS", "MIL"),
    # COP
    ("Turkish riot police", "TUR", "COP"),
    ("Iranian security forces", "IRN", "COP"),
    ("Mexican National Guard", "MEX", "COP"),
    ("Kenyan detectives", "KEN", "COP"),
    # JUD
    ("the Israeli Supreme Court", "ISR", "JUD"),
    ("South African judges", "ZAF", "JUD"),
    ("a Thai military court", "THA", "JUD"),
    # LEG
    ("Kenyan senators", "KEN", "LEG"),
    ("the Iraqi parliament", "IRQ", "LEG"),
    ("Pakistan's National Assembly", "PAK", "LEG"),
    ("Japan's upper house", "JPN", "LEG"),
    ("Hong Kong's Legislative Council", "HKG", "LEG"),
    # PTY
    ("South Africa's ruling party", "ZAF", "PTY"),
    ("the Chinese Communist Party", "CHN", "PTY"),
    # OPP
    ("Russian dissidents", "RUS", "OPP"),
    ("Venezuelan opposition lawmakers", "VEN", "OPP"),
    ("Hong Kong pro-democracy activists", "HKG", "OPP"),
    # REB
    ("Syrian rebels", "SYR", "REB"),
    ("Philippine communist insurgents", "PHL", "REB"),
    ("Mozambican Islamist militants", "MOZ", "REB"),
    # SPY
    ("Pakistan's spy agency", "PAK", "SPY"),
    ("Russian intelligence officers", "RUS", "SPY"),
    # UAF
    ("gunmen in Nigeria", "NGA", "UAF"),
    ("Sudanese paramilitaries", "SDN", "UAF"),
    ("Russian mercenaries", "RUS", "UAF"),
    ("Brazilian death squads", "BRA", "UAF"),
    # CVL
    ("Iranian protesters", "IRN", "CVL"),
    ("Serbian demonstrators", "SRB", "CVL"),
    ("Afghan civilians", "AFG", "CVL"),
    # BUS
    ("a Chinese state-owned company", "CHN", "BUS"),
    ("Indian businessmen", "IND", "BUS"),
    ("Lebanese bankers", "LBN", "BUS"),
    ("Afghan shopkeepers", "AFG", "BUS"),
    # MED
    ("Egyptian journalists", "EGY", "MED"),
    ("Iranian state television", "IRN", "MED"),
    ("a Turkish newspaper", "TUR", "MED"),
    ("Iranian state radio", "IRN", "MED"),
    ("a Mexican photojournalist", "MEX", "MED"),
    ("a Saudi columnist", "SAU", "MED"),
    # EDU
    ("Bangladeshi university students", "BGD", "EDU"),
    ("Nigerian schoolteachers", "NGA", "EDU"),
    ("Chilean students", "CHL", "EDU"),
    ("Kenyan lecturers", "KEN", "EDU"),
    ("Afghan schoolgirls", "AFG", "EDU"),
    # REL
    ("an Iraqi Shiite cleric", "IRQ", "REL"),
    ("Nigerian bishops", "NGA", "REL"),
    ("Egypt's grand mufti", "EGY", "REL"),
    ("Nigerian pastors", "NGA", "REL"),
    ("the Lebanese Maronite patriarch", "LBN", "REL"),
    ("Indian nuns", "IND", "REL"),
    # LAB
    ("French trade unions", "FRA", "LAB"),
    ("Chilean copper miners", "CHL", "LAB"),
    ("South Korean striking workers", "KOR", "LAB"),
    # AGR
    ("Indian farmers", "IND", "AGR"),
    ("Kenyan herders", "KEN", "AGR"),
    ("Brazilian ranchers", "BRA", "AGR"),
    ("Bolivian coca growers", "BOL", "AGR"),
    ("Malian pastoralists", "MLI", "AGR"),
    ("Californian farm workers", "USA", "AGR"),
    # REF
    ("Syrian asylum seekers", "SYR", "REF"),
    ("Afghan refugees", "AFG", "REF"),
    ("Sudanese displaced people", "SDN", "REF"),
    ("Somali IDPs", "SOM", "REF"),
    # ELI
    ("former Pakistani prime minister Imran Khan", "PAK", "ELI"),
    ("Ukrainian tycoon", "UKR", "ELI"),
    ("ousted Sudanese president Omar al-Bashir", "SDN", "ELI"),
    ("a former Colombian guerrilla commander", "COL", "ELI"),
    ("a Russian billionaire", "RUS", "ELI"),
    # HLH
    ("Gaza health officials", "PSE", "HLH"),
    ("Ugandan health workers", "UGA", "HLH"),
    ("a Yemeni hospital", "YEM", "HLH"),
    ("Syrian medical workers", "SYR", "HLH"),
    ("British surgeons", "GBR", "HLH"),
    # HRI
    ("Egyptian human rights activists", "EGY", "HRI"),
    ("a Chinese human rights lawyer", "CHN", "HRI"),
    # ENV
    ("Brazilian environmentalists", "BRA", "ENV"),
    ("German climate activists", "DEU", "ENV"),
    ("Kenyan environmental activists", "KEN", "ENV"),
    ("Australian conservationists", "AUS", "ENV"),
    # CRM
    ("Colombian drug traffickers", "COL", "CRM"),
    ("Ecuadorian gangs", "ECU", "CRM"),
    ("Mexican drug lords", "MEX", "CRM"),
    ("Nigerian bandits", "NGA", "CRM"),
    # RAD
    ("German far-right extremists", "DEU", "RAD"),
    ("Islamist radicals", "", "RAD"),
    # NGO: with a country the sector, without one the country slot
    ("an Iraqi aid group", "IRQ", "NGO"),
    ("a Kenyan human rights group", "KEN", "NGO"),
    ("foreign aid workers", "NGO", ""),
    # IGO: likewise
    ("international organizations", "IGO", ""),
    ("an international observer mission", "IGO", ""),
    # DEV: only named bodies carry it
    ("the World Bank", "WBK", "DEV"),
    ("the UN Development Programme", "UNO", "DEV"),
    # words that look like another sector's: a committee of a legislature is no spy agency, a general
    # manager no general, a fire brigade no brigade
    ("the Senate Intelligence Committee", "", "LEG"),
    ("the hotel's general manager", "", "BUS"),
    ("the state fire brigade", "", "GOV"),
    ("US intelligence officials", "USA", "SPY"),
    # a role every body has is of the body named right before it, not the government's
    ("a Thai military spokesman", "THA", "MIL"),
    ("National Assembly president Richard Ferrand", "", "LEG"),
    ("the company president", "", "BUS"),
    ("a Foreign Ministry spokesman", "", "GOV"),
]


@pytest.mark.parametrize(("phrase", "code"), _params(SECTOR_PHRASES))
def test_sector_phrases(countries: CountryTable, agents: AgentTable, phrase: str, code: ActorCode) -> None:
    found = resolve_phrase(phrase, countries, agents)
    assert found is not None and found[0] == code, (phrase, found)


def test_every_listed_sector_has_two_phrases(agents: AgentTable) -> None:
    tested: dict[str, int] = {}
    for _, country, sector in SECTOR_PHRASES:
        key = sector if sector else country  # "aid groups" -> NGO in the country slot
        tested[key] = tested.get(key, 0) + 1
    listed = set(agents.phrases().values())
    missing = {s for s in listed if tested.get(s, 0) < 2}
    assert not missing, sorted(missing)


# ------------------------------------------------------------------ international bodies

# (phrase, organisation code, sector)
BODY_PHRASES: list[tuple[str, str, str]] = [
    ("the UN Security Council", "UNO", "GOV"),
    ("U.N. Secretary-General Antonio Guterres", "UNO", "GOV"),
    ("the UN General Assembly", "UNO", "GOV"),
    ("the UN refugee agency UNHCR", "UNO", "REF"),
    ("the World Health Organization", "UNO", "HLH"),
    ("the World Food Programme", "UNO", "AGR"),
    ("UNESCO", "UNO", "EDU"),
    ("UNICEF", "UNO", ""),
    ("the International Atomic Energy Agency", "UNO", ""),
    ("the International Court of Justice", "UNO", "JUD"),
    ("the European Union", "EUR", ""),
    ("the European Commission", "EUR", "GOV"),
    ("European Parliament lawmakers", "EUR", "LEG"),
    ("EU foreign ministers", "EUR", "GOV"),
    ("NATO", "NAT", ""),
    ("NATO Secretary-General Mark Rutte", "NAT", "GOV"),
    ("the African Union", "AFU", ""),
    ("ASEAN foreign ministers", "ASN", "GOV"),
    ("ECOWAS", "WAS", ""),
    ("the Arab League", "ARL", ""),
    ("the Gulf Cooperation Council", "GCC", ""),
    ("the Organisation of Islamic Cooperation", "OIC", ""),
    ("the Organization of American States", "OAS", ""),
    ("the OSCE", "OSC", ""),
    ("the Shanghai Cooperation Organisation", "SCO", ""),
    ("BRICS leaders", "BRI", "GOV"),
    ("OPEC", "OPC", ""),
    ("the International Monetary Fund", "IMF", ""),
    ("the World Bank", "WBK", "DEV"),
    ("the World Trade Organization", "WTO", "BUS"),
    ("International Criminal Court prosecutors", "ICC", "JUD"),
    ("Amnesty International", "AMN", "HRI"),
    ("Human Rights Watch", "HRW", "HRI"),
    ("the International Committee of the Red Cross", "IRC", "HLH"),
    ("the Red Crescent", "IRC", "HLH"),
    ("Doctors Without Borders", "MSF", "HLH"),
    ("Interpol", "IGO", "COP"),
    ("UN peacekeepers", "IGO", "MIL"),
    ("Greenpeace", "NGO", "ENV"),
    ("al-Qaeda", "IMG", "REB"),
]


@pytest.mark.parametrize(("phrase", "code"), _params(BODY_PHRASES))
def test_international_bodies(
    countries: CountryTable, agents: AgentTable, phrase: str, code: ActorCode
) -> None:
    found = resolve_phrase(phrase, countries, agents)
    assert found is not None and found[0] == code, (phrase, found)
    assert agents.organisation_type(code.country) in INTERNATIONAL_CODES


def test_enough_bodies_covered() -> None:
    assert len({code for _, code, _ in BODY_PHRASES}) >= 12

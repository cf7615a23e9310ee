"""Generate a first draft of src/eventwire/data/actors/countries.yaml (then edit by hand).

Enumerates pycountry, takes demonyms, capitals and alternative spellings from countryinfo and
applies the corrections in ``OVERRIDES``. The YAML, not this script, is the source of truth:
run it only to start over, and re-apply hand edits afterwards.

    .venv/bin/python scripts/gen_countries.py > src/eventwire/data/actors/countries.yaml
"""

from __future__ import annotations

import re
import sys
from typing import Any

import countryinfo
import pycountry
import yaml

# name, aliases (added), adjectives (replace), people (replace), capitals (replace)
OVERRIDES: dict[str, dict[str, Any]] = {
    "USA": {
        "aliases": [
            "US",
            "U.S.",
            "USA",
            "U.S.A.",
            "America",
            "United States of America",
            "the United States",
            "the US",
            "the U.S.",
        ],
        "adjectives": ["American", "U.S.", "US"],
        "people": ["Americans"],
        "capitals": ["Washington", "Washington D.C.", "Washington, D.C."],
        "institutions": [
            ["White House", "GOV"],
            ["Pentagon", "MIL"],
            ["State Department", "GOV"],
            ["Department of State", "GOV"],
            ["Department of Defense", "MIL"],
            ["CIA", "SPY"],
            ["FBI", "COP"],
            ["Congress", "LEG"],
            ["US Congress", "LEG"],
            ["Senate", "LEG"],
            ["US Senate", "LEG"],
            ["Capitol Hill", "LEG"],
            ["Supreme Court", "JUD"],
            ["CENTCOM", "MIL"],
            ["Central Command", "MIL"],
            ["AFRICOM", "MIL"],
            ["Treasury Department", "GOV"],
            ["Oval Office", "GOV"],
        ],
    },
    "GBR": {
        "name": "United Kingdom",
        "aliases": ["UK", "U.K.", "Britain", "Great Britain", "the United Kingdom", "the UK"],
        "adjectives": ["British", "UK", "U.K."],
        "people": ["Britons", "Brits"],
        "institutions": [
            ["Downing Street", "GOV"],
            ["Number 10", "GOV"],
            ["Whitehall", "GOV"],
            ["Foreign Office", "GOV"],
            ["Ministry of Defence", "MIL"],
            ["MI6", "SPY"],
            ["MI5", "SPY"],
            ["Westminster", "LEG"],
            ["Scotland Yard", "COP"],
            ["Royal Navy", "MIL"],
            ["RAF", "MIL"],
            ["Royal Air Force", "MIL"],
            ["British Army", "MIL"],
        ],
    },
    "RUS": {
        "name": "Russia",
        "aliases": ["Russia", "Russian Federation"],
        "adjectives": ["Russian"],
        "people": ["Russians"],
        "institutions": [
            ["Kremlin", "GOV"],
            ["FSB", "SPY"],
            ["GRU", "SPY"],
            ["Duma", "LEG"],
            ["State Duma", "LEG"],
        ],
    },
    "TUR": {
        "name": "Turkey",
        "aliases": ["Türkiye", "Turkiye", "Republic of Turkey"],
        "adjectives": ["Turkish"],
        "people": ["Turks"],
        "institutions": [["MIT", "SPY"], ["Turkish Armed Forces", "MIL"]],
    },
    "SYR": {
        "name": "Syria",
        "aliases": ["Syrian Arab Republic"],
        "institutions": [["Syrian Arab Army", "MIL"], ["SAA", "MIL"]],
    },
    "IRN": {
        "name": "Iran",
        "aliases": ["Islamic Republic of Iran", "Islamic Republic"],
        "people": ["Iranians"],
        "institutions": [["Majlis", "LEG"]],
    },
    "ISR": {
        "institutions": [
            ["Knesset", "LEG"],
            ["IDF", "MIL"],
            ["Israel Defense Forces", "MIL"],
            ["Israeli Defense Forces", "MIL"],
            ["Mossad", "SPY"],
            ["Shin Bet", "SPY"],
        ],
        "capitals": ["Jerusalem"],
    },
    "PSE": {
        "name": "Palestine",
        "aliases": [
            "State of Palestine",
            "Palestinian territories",
            "occupied Palestinian territories",
        ],
        "adjectives": ["Palestinian"],
        "people": ["Palestinians"],
        "capitals": ["Ramallah"],
    },
    "CHN": {
        "aliases": ["PRC", "People's Republic of China", "mainland China"],
        "institutions": [
            ["People's Liberation Army", "MIL"],
            ["PLA", "MIL"],
            ["Zhongnanhai", "GOV"],
        ],
    },
    "TWN": {"name": "Taiwan", "aliases": ["Republic of China"]},
    "PRK": {
        "name": "North Korea",
        "aliases": ["DPRK", "Democratic People's Republic of Korea"],
        "adjectives": ["North Korean"],
        "people": ["North Koreans"],
    },
    "KOR": {
        "name": "South Korea",
        "aliases": ["Republic of Korea", "ROK"],
        "adjectives": ["South Korean"],
        "people": ["South Koreans"],
    },
    "VEN": {"name": "Venezuela"},
    "BOL": {"name": "Bolivia"},
    "TZA": {"name": "Tanzania"},
    "MDA": {"name": "Moldova"},
    "LAO": {"name": "Laos", "aliases": ["Lao PDR"], "adjectives": ["Lao", "Laotian"]},
    "VNM": {"name": "Vietnam", "aliases": ["Viet Nam"]},
    "BRN": {"name": "Brunei", "aliases": ["Brunei Darussalam"]},
    "COD": {
        "name": "Democratic Republic of the Congo",
        "aliases": [
            "DR Congo",
            "DRC",
            "D.R. Congo",
            "Congo-Kinshasa",
            "DR of Congo",
            "Democratic Republic of Congo",
        ],
        "adjectives": ["Congolese"],
        "people": ["Congolese"],
    },
    "COG": {
        "name": "Republic of the Congo",
        "aliases": ["Congo-Brazzaville", "Congo Republic", "Republic of Congo"],
        "adjectives": [],
        "people": [],
    },
    "CIV": {"name": "Ivory Coast", "aliases": ["Côte d'Ivoire", "Cote d'Ivoire"]},
    "CPV": {"name": "Cape Verde", "aliases": ["Cabo Verde"], "adjectives": ["Cape Verdean"]},
    "CZE": {
        "name": "Czech Republic",
        "aliases": ["Czechia"],
        "adjectives": ["Czech"],
        "people": ["Czechs"],
    },
    "MKD": {"aliases": ["Macedonia", "Republic of Macedonia", "FYROM"]},
    "SWZ": {"aliases": ["Swaziland"]},
    "MMR": {
        "aliases": ["Burma"],
        "adjectives": ["Burmese", "Myanmar"],
        "capitals": ["Naypyidaw", "Naypyitaw", "Nay Pyi Taw"],
        "institutions": [["Tatmadaw", "MIL"]],
    },
    "ARE": {
        "aliases": ["UAE", "U.A.E.", "the Emirates"],
        "adjectives": ["Emirati"],
        "people": ["Emiratis"],
    },
    "SAU": {"aliases": ["KSA"], "adjectives": ["Saudi", "Saudi Arabian"], "people": ["Saudis"]},
    "DEU": {"people": ["Germans"], "institutions": [["Bundestag", "LEG"], ["Bundeswehr", "MIL"]]},
    "FRA": {
        "people": ["French"],
        "institutions": [
            ["Elysee", "GOV"],
            ["Élysée", "GOV"],
            ["Elysee Palace", "GOV"],
            ["Quai d'Orsay", "GOV"],
        ],
    },
    "ESP": {"people": ["Spaniards"]},
    "POL": {"people": ["Poles"]},
    "DNK": {"people": ["Danes"]},
    "SWE": {"people": ["Swedes"]},
    "FIN": {"people": ["Finns"]},
    "NLD": {"people": ["Dutch"], "aliases": ["Holland", "The Netherlands"]},
    "IRL": {"people": ["Irish"]},
    "CHE": {"people": ["Swiss"]},
    "ISL": {"adjectives": ["Icelandic"], "people": ["Icelanders"]},
    "NZL": {"adjectives": ["New Zealand"], "people": ["New Zealanders", "Kiwis"]},
    "ARG": {"adjectives": ["Argentine", "Argentinian"], "people": ["Argentines", "Argentinians"]},
    "AFG": {"adjectives": ["Afghan"], "people": ["Afghans"]},
    "PHL": {
        "adjectives": ["Philippine", "Filipino"],
        "people": ["Filipinos"],
        "capitals": ["Manila"],
    },
    "THA": {"aliases": ["Siam"], "people": ["Thais"]},
    "KGZ": {"adjectives": ["Kyrgyz", "Kyrgyzstani"], "people": ["Kyrgyz"]},
    "KAZ": {
        "adjectives": ["Kazakh", "Kazakhstani"],
        "people": ["Kazakhs"],
        "capitals": ["Astana", "Nur-Sultan"],
    },
    "TJK": {"adjectives": ["Tajik", "Tajikistani"], "people": ["Tajiks"]},
    "UZB": {"adjectives": ["Uzbek", "Uzbekistani"], "people": ["Uzbeks"]},
    "TKM": {"adjectives": ["Turkmen"], "people": ["Turkmens"]},
    "SVN": {"adjectives": ["Slovenian", "Slovene"], "people": ["Slovenians", "Slovenes"]},
    "SVK": {"adjectives": ["Slovak", "Slovakian"], "people": ["Slovaks"]},
    "GRC": {"people": ["Greeks"], "adjectives": ["Greek", "Hellenic"]},
    "BIH": {
        "name": "Bosnia and Herzegovina",
        "aliases": ["Bosnia", "Bosnia-Herzegovina", "Bosnia Herzegovina"],
        "adjectives": ["Bosnian"],
        "people": ["Bosnians"],
    },
    "SRB": {"people": ["Serbs", "Serbians"], "adjectives": ["Serbian", "Serb"]},
    "HRV": {"people": ["Croats", "Croatians"], "adjectives": ["Croatian", "Croat"]},
    "LBN": {"people": ["Lebanese"]},
    "SDN": {
        "people": ["Sudanese"],
        "institutions": [["Sudanese Armed Forces", "MIL"], ["Sudanese army", "MIL"]],
    },
    "SSD": {"people": ["South Sudanese"]},
    "YEM": {"capitals": ["Sanaa", "Sana'a", "Sana"]},
    "UKR": {
        "capitals": ["Kyiv", "Kiev"],
        "institutions": [["Verkhovna Rada", "LEG"], ["SBU", "SPY"]],
    },
    "IND": {"capitals": ["New Delhi"], "institutions": [["Lok Sabha", "LEG"]]},
    "SOM": {"adjectives": ["Somali", "Somalian"], "people": ["Somalis"]},
    "MDV": {"capitals": ["Malé"], "adjectives": ["Maldivian"]},
    "DMA": {"adjectives": [], "people": []},
    "DOM": {"adjectives": ["Dominican"], "people": ["Dominicans"]},
    "GIN": {"adjectives": ["Guinean"]},
    "NER": {"adjectives": ["Nigerien"], "people": ["Nigeriens"]},
    "NGA": {"adjectives": ["Nigerian"], "people": ["Nigerians"]},
    "TCD": {"adjectives": ["Chadian"]},
    "BWA": {"adjectives": ["Botswanan", "Motswana"], "people": ["Batswana"]},
    "LSO": {"adjectives": ["Basotho", "Lesothan"], "people": ["Basotho"]},
    "VAT": {
        "name": "Holy See",
        "aliases": ["Vatican", "Vatican City", "the Holy See"],
        "adjectives": ["Vatican"],
        "capitals": [],
    },
    "GMB": {"name": "Gambia", "aliases": ["The Gambia", "the Gambia"]},
    "BHS": {"aliases": ["The Bahamas", "the Bahamas"]},
    "JOR": {"people": ["Jordanians"]},
    "EGY": {"people": ["Egyptians"], "institutions": [["Ittihadiya", "GOV"]]},
    "IRQ": {"people": ["Iraqis"]},
    "LBY": {"people": ["Libyans"]},
    "FSM": {"name": "Micronesia"},
    "TLS": {
        "name": "East Timor",
        "aliases": ["Timor-Leste"],
        "adjectives": ["East Timorese", "Timorese"],
    },
    "ECU": {"adjectives": ["Ecuadorian", "Ecuadorean"]},
    "CRI": {"capitals": ["San Jose", "San José"]},
    "JAM": {"capitals": ["Kingston"]},
    "BLR": {"adjectives": ["Belarusian", "Belarussian"], "people": ["Belarusians"]},
    "GEO": {"adjectives": ["Georgian"], "people": ["Georgians"]},
    "ATG": {"adjectives": ["Antiguan"]},
    "KNA": {"adjectives": ["Kittitian"]},
    "HKG": {"adjectives": ["Hong Kong"], "people": ["Hong Kongers"]},
    "MAC": {"adjectives": ["Macanese"]},
    "ALA": {"adjectives": []},
    "ZAF": {"aliases": ["RSA"]},
    "CAF": {"aliases": ["CAR"], "adjectives": ["Central African"]},
}
for _dep in ("ATF", "MTQ", "MYT", "REU", "SPM", "GGY", "JEY", "IOT", "MNP", "SJM"):
    OVERRIDES.setdefault(_dep, {}).update({"adjectives": [], "people": []})
OVERRIDES["NFK"] = {"capitals": []}
EXTRA = [
    {
        "id": "KOS",
        "name": "Kosovo",
        "aliases": ["Republic of Kosovo"],
        "adjectives": ["Kosovar", "Kosovan"],
        "people": ["Kosovars"],
        "capitals": ["Pristina"],
    },
]
# Irregular plural demonyms (adjective -> people)
IRREGULAR_PLURAL = {
    "Turkish": "Turks",
    "British": "Britons",
    "Danish": "Danes",
    "Polish": "Poles",
    "Swedish": "Swedes",
    "Finnish": "Finns",
    "Spanish": "Spaniards",
    "Irish": "Irish",
    "Dutch": "Dutch",
    "Swiss": "Swiss",
    "French": "French",
    "Welsh": "Welsh",
    "Thai": "Thais",
}


def latin(text: str) -> bool:
    return all(ord(ch) <= 0x17F for ch in text) and not re.search(r"[,()]", text)


def plural(adj: str) -> list[str]:
    if adj in IRREGULAR_PLURAL:
        return [IRREGULAR_PLURAL[adj]]
    if adj.endswith(("ese", "ish", "ch", "ss", "i")) and not adj.endswith("i"):
        return [adj]
    if adj.endswith("i"):
        return [adj + "s"]
    if adj.endswith(("an", "ian", "er", "ite", "ot", "ean")):
        return [adj + "s"]
    return []


def build() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for c in pycountry.countries:
        info = countryinfo.CountryInfo(c.alpha_3).info()
        over = OVERRIDES.get(c.alpha_3, {})
        name = over.get("name", getattr(c, "common_name", c.name))
        aliases: list[str] = []
        for cand in [c.name, getattr(c, "official_name", ""), *info.get("altSpellings", [])]:
            cand = (cand or "").strip()
            if len(cand) > 3 and latin(cand) and cand != name and cand not in aliases:
                aliases.append(cand)
        for cand in over.get("aliases", []):
            if cand not in aliases and cand != name:
                aliases.append(cand)
        dem = info.get("demonym") or ""
        adjectives = over.get(
            "adjectives", [d.strip() for d in dem.split(",") if d.strip() and d.strip() != name]
        )
        people = over.get("people", [p for a in adjectives for p in plural(a)])
        cap = info.get("capital") or ""
        capitals = over.get("capitals", [cap] if cap and "/" not in cap else [])
        entry: dict[str, Any] = {"id": c.alpha_3, "name": name}
        if aliases:
            entry["aliases"] = aliases
        if adjectives:
            entry["adjectives"] = adjectives
        if people:
            entry["people"] = people
        if capitals:
            entry["capitals"] = capitals
        if over.get("institutions"):
            entry["institutions"] = [{"name": n, "sector": s} for n, s in over["institutions"]]
        out.append(entry)
    out.extend(EXTRA)
    return out


def main() -> None:
    header = (
        "# Countries: names, aliases, adjectives (demonyms), plural demonyms, capitals (used as\n"
        "# government metonymy: 'Ankara agreed') and institution metonyms ('the Kremlin').\n"
        "# Drafted by scripts/gen_countries.py from pycountry + countryinfo, then edited by hand.\n"
    )
    doc = {
        "version": 1,
        "source": "eventwire maintainers; ISO 3166 via pycountry; demonyms and "
        "capitals via countryinfo (MIT), corrected by hand",
        "license": "Apache-2.0",
        "kind": "countries",
        "entries": build(),
    }
    sys.stdout.write(header)
    sys.stdout.write(
        yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)
    )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Regenerate ``glossary/terms/data/en/gazetteer.tsv`` from CLDR (through babel).

The gazetteer holds the English names of countries, territories and regions
(``babel.Locale('en').territories``) and of the time-zone exemplar cities
(``babel.dates.get_timezone_location(..., return_city=True)``). Forms CLDR lacks
(``Britain``, ``Turkey``, capitals without a time zone, seas and named areas) live in
the hand-edited ``aliases.tsv`` next to it, not here.

Usage: python scripts/build_gazetteer.py   (rewrites the file; commit the result)
"""

from __future__ import annotations

import re
import sys
import zoneinfo
from pathlib import Path

import babel
import babel.dates
from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "glossary" / "terms" / "data" / "en" / "gazetteer.tsv"
# CLDR "territories" that are organizations or placeholders, not places.
SKIP_CODES = {"EU", "EZ", "UN", "QO", "ZZ", "001"}


def territory_forms(name: str) -> list[str]:
    """CLDR display names to the forms news uses: 'Myanmar (Burma)' -> both, '&' -> 'and'."""
    forms = []
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    if m:
        forms += [m.group(1), m.group(2)]
    elif " - " in name:  # 'Congo - Kinshasa': ambiguous short form, keep only the head
        forms.append(name.split(" - ")[0])
    elif name.endswith(" SAR China"):
        forms.append(name[: -len(" SAR China")])
    else:
        forms.append(name)
    out = []
    for f in forms:
        out.append(f)
        if "&" in f:
            out.append(f.replace("&", "and"))
    return out


def main() -> int:
    en = Locale("en")
    rows: dict[str, str] = {}
    for code, name in sorted(en.territories.items()):
        if code in SKIP_CODES:
            continue
        kind = "region" if code.isdigit() else "country"
        for form in territory_forms(name):
            rows.setdefault(form, kind)
    for tz in sorted(zoneinfo.available_timezones()):
        if "/" not in tz or tz.startswith(("Etc/", "SystemV/", "US/", "Canada/", "Brazil/")):
            continue
        try:
            city = babel.dates.get_timezone_location(tz, locale="en", return_city=True)
        except LookupError:  # zones CLDR does not know
            continue
        if city and "," not in city and not any(ch.isdigit() for ch in city):
            rows.setdefault(city, "city")
    lines = [
        "# English names of countries, territories, regions and cities, generated from CLDR by",
        f"# scripts/build_gazetteer.py with babel {babel.__version__}. Do not edit: put extra forms in aliases.tsv.",
        "# name<TAB>kind (country | region | city)",
    ]
    lines += [f"{name}\t{kind}" for name, kind in sorted(rows.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} names to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

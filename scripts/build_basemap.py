"""Build the portal's offline base map: src/rasd/web/static/basemap.json (GeoJSON).

Countries: Natural Earth 1:50m admin-0 boundaries (public domain) from the npm
package world-atlas@2.0.2 (ISC), `countries-50m.json` (TopoJSON), kept for the
Middle East and North/East Africa and rounded to 0.02 degree.
Admin1 (governorates, provinces): no open boundary file is available offline, so
each is drawn as the convex hull of its gazetteer places (../shared/data/gazetteer,
Who's On First / GeoNames / OpenSyria, see its README), outliers dropped. These
are approximations, shown for hover names and orientation, not for analysis.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_basemap.py package/countries-50m.json ../shared/data/gazetteer
"""
from __future__ import annotations

import csv
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.spatial import ConvexHull

BOX = (-20.0, -5.0, 65.0, 45.0)  # west, south, east, north
STEP = 0.02
OUT = Path(__file__).resolve().parent.parent / "src/rasd/web/static/basemap.json"
OUTLIER_FACTOR = 3.0


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantized, delta-encoded arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def rounded(points) -> list[list[float]]:
    """Points snapped to STEP degrees, consecutive repeats dropped."""
    out: list[list[float]] = []
    for lon, lat in points:
        point = [round(round(lon / STEP) * STEP, 2), round(round(lat / STEP) * STEP, 2)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def polygons(geometry: dict, arcs: list) -> list[list[list[list[float]]]]:
    shapes = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    result = []
    for shape in shapes:
        rings = [rounded(ring(r, arcs)) for r in shape]
        rings = [r for r in rings if len(r) >= 4]
        if rings and in_box(rings[0]):
            result.append(rings)
    return result


def in_box(points) -> bool:
    west, south, east, north = BOX
    return any(west <= lon <= east and south <= lat <= north for lon, lat in points)


def countries(path: Path) -> list[dict]:
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        shapes = polygons(geometry, arcs)
        if shapes:
            properties = {"kind": "country", "name": geometry["properties"]["name"]}
            features.append({"type": "Feature", "properties": properties,
                             "geometry": {"type": "MultiPolygon", "coordinates": shapes}})
    return features


def admin1_points(folder: Path) -> dict[tuple[str, str, str], list[tuple[float, float]]]:
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for path in sorted(folder.glob("gazetteer_*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["admin1_en"] and row["lat"] and row["lon"]:
                    key = (row["country_code"], row["admin1_en"], row["admin1_ar"])
                    points[key].append((float(row["lon"]), float(row["lat"])))
    return points


def hull(points: list[tuple[float, float]]) -> list[list[float]] | None:
    """The convex hull of the places, without those far from the others."""
    if len(points) < 3:
        return None
    lon0, lat0 = statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
    dist = [((lon - lon0) ** 2 + (lat - lat0) ** 2) ** 0.5 for lon, lat in points]
    limit = OUTLIER_FACTOR * max(statistics.median(dist), 0.05)
    kept = np.array([p for p, d in zip(points, dist, strict=True) if d <= limit])
    if len(kept) < 3:
        return None
    try:
        vertices = ConvexHull(kept).vertices
    except Exception:  # noqa: BLE001 - collinear places have no hull; skip that admin1
        return None
    outline = rounded(kept[vertices].tolist())
    return outline + [outline[0]] if len(outline) >= 3 else None


def admin1(folder: Path) -> list[dict]:
    features = []
    for (country, name_en, name_ar), points in sorted(admin1_points(folder).items()):
        outline = hull(points)
        if outline:
            features.append({"type": "Feature",
                             "properties": {"kind": "admin1", "country": country, "name": name_en, "name_ar": name_ar},
                             "geometry": {"type": "Polygon", "coordinates": [outline]}})
    return features


def main(countries_topojson: str, gazetteer_folder: str) -> None:
    features = countries(Path(countries_topojson)) + admin1(Path(gazetteer_folder))
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                              separators=(",", ":")), encoding="utf-8")
    kinds = defaultdict(int)
    for feature in features:
        kinds[feature["properties"]["kind"]] += 1
    sys.stdout.write(f"{OUT}: {dict(kinds)}, {OUT.stat().st_size} bytes\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])

"""Regency shapes keyed by BPS code: the complete GeoJSON boundary file, else the older
ghapsara/indonesia-atlas TopoJSON.

The GeoJSON file (PROVENANCE 19, cahyadsn/wilayah_boundaries, MIT) has all 514 kab/kota,
one feature each, keyed by the ``bps_code`` property; its licence asks for the attribution
``GEOJSON_ATTRIBUTION``, carried with the shapes (``shapes.attrs["attribution"]``) so that
every map drawn from them can print it.

TopoJSON stores shared borders once as *arcs*: integer positions (quantized, then delta
encoded) that a ``transform`` maps back to longitude/latitude; a polygon ring lists arc
indices, a negative index ``~i`` meaning arc ``i`` reversed. The decoder below is the
TopoJSON specification's, in a few lines, to avoid a dependency.
Its feature ids are BPS codes with a dash (``32-01``); a multi-part regency repeats its id.
``xx-88`` (lakes, reservoirs) and ``33-99`` (forest) are not regencies. That file has no
licence and predates the 2014 Sulawesi Tenggara splits; it is the fallback only.

Shapes are never committed: they are read from the raw folder.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry import shape as geojson_shape

from .. import config
from ..ledger import InputError, Ledger
from ..messages import msg
from ..regions import load_regions, name_key

SOURCE_ID = "geometry_kabkot"
NATIONAL_FILE = "geometry/indonesia_kabkota_simplified_topo__ghapsara.json"
GEOJSON_SOURCE_ID = "geometry_kabkota_514"
GEOJSON_FILE = "geometry/indonesia_kabkota_514_bps2020__cahyadsn_simplified.geojson"
GEOJSON_ATTRIBUTION = "© Cahya DSN, cahyadsn/wilayah_boundaries (MIT)"
PSEUDO_UNIT = re.compile(r"\d{2}-(88|99)")  # 88: lakes and reservoirs, 99: forest
CRS = "EPSG:4326"


@dataclass
class GeometryResult:
    """Shapes (one row per regency, ``bps_code`` + official ``name``), the ledger, and the
    regencies of the region table that have no shape."""

    source_id: str
    file: Path
    features_read: int
    shapes: gpd.GeoDataFrame
    missing: list[str]
    ledger: Ledger = field(default_factory=Ledger)
    name_mismatches: list[str] = field(default_factory=list)  # ids whose file name differs
    attribution: str = ""  # to print under every map drawn from these shapes


def read_topojson(path: Path, object_name: str | None = None, *, regions=None,
                  source_id: str = SOURCE_ID) -> GeometryResult:
    """Decode one TopoJSON object (the only one, or ``kabkot``) into regency shapes.

    Ledger rows are the 1-based positions of features in the object's geometry list.
    ``missing`` lists the BPS codes of ``regions`` (default: the committed region table)
    without a shape, within the provinces the file covers (so a Jawa Barat file is not
    blamed for the rest of the country).
    """
    path = Path(path)
    try:
        topology = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(path, expected=msg("geo.topojson_file"), got=str(exc)) from None
    if not isinstance(topology, dict) or topology.get("type") != "Topology":
        raise InputError(path, expected=msg("geo.topology"))
    objects = topology.get("objects", {})
    if object_name is None:
        object_name = next(iter(objects)) if len(objects) == 1 else "kabkot"
    if object_name not in objects:
        raise InputError(path, column=object_name, expected=msg("geo.object", name=object_name),
                         got=", ".join(objects))
    arcs = decode_arcs(topology)
    regions = load_regions() if regions is None else regions
    known = set(regions["bps_code"])
    ledger = Ledger()

    parts: dict[str, list] = {}
    file_names: dict[str, str] = {}
    features = objects[object_name].get("geometries", [])
    for position, feature in enumerate(features, start=1):
        raw_id = str(feature.get("id", ""))
        name = (feature.get("properties") or {}).get("kabkot", "")
        if PSEUDO_UNIT.fullmatch(raw_id):
            ledger.add(source_id, path, position, None, "pseudo_unit",
                       msg("geo.not_regency", id=raw_id), name)
            continue
        code = raw_id.replace("-", "")
        if code not in known:
            ledger.add(source_id, path, position, "id", "unknown_region",
                       msg("geo.no_bps_code", id=raw_id), f"{raw_id} {name}")
            continue
        if feature.get("type") not in ("Polygon", "MultiPolygon"):
            ledger.add(source_id, path, position, None, "null_geometry",
                       msg("geo.geometry_type", id=raw_id, type=feature.get("type")), name)
            continue
        try:
            # Simplification left self-intersecting rings: repair them as polygons.
            shape = shapely.make_valid(_shape(feature, arcs), method="structure",
                                       keep_collapsed=False)
        except (IndexError, KeyError, TypeError, ValueError) as exc:
            ledger.add(source_id, path, position, "arcs", "null_geometry",
                       msg("geo.arcs", id=raw_id, error=exc), name)
            continue
        if shape.is_empty or shape.area == 0:
            ledger.add(source_id, path, position, None, "null_geometry",
                       msg("geo.no_area", id=raw_id), name)
            continue
        parts.setdefault(code, []).append(shape)
        file_names.setdefault(code, name)

    return _result(source_id, path, len(features), parts, file_names, regions, ledger)


def read_geojson(path: Path, *, regions=None, source_id: str = GEOJSON_SOURCE_ID,
                 attribution: str = "") -> GeometryResult:
    """Regency shapes of a GeoJSON FeatureCollection keyed by the ``bps_code`` property.

    Ledger rows are the 1-based positions of features; a code given twice is one regency
    in parts (their union). ``missing`` as in :func:`read_topojson`; a feature's file name
    (``nama_bps``, else ``name``) that is not the official name is in ``name_mismatches``.
    """
    path = Path(path)
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(path, expected=msg("geo.geojson_file"), got=str(exc)) from None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise InputError(path, expected=msg("geo.feature_collection"))
    regions = load_regions() if regions is None else regions
    known = set(regions["bps_code"])
    ledger = Ledger()
    parts: dict[str, list] = {}
    file_names: dict[str, str] = {}
    features = collection.get("features") or []
    for position, feature in enumerate(features, start=1):
        properties = (feature or {}).get("properties") or {}
        code = str(properties.get("bps_code", "")).strip()
        name = str(properties.get("nama_bps") or properties.get("name") or "")
        if code not in known:
            ledger.add(source_id, path, position, "bps_code", "unknown_region",
                       msg("geo.geojson_code", id=code), f"{code} {name}".strip())
            continue
        geometry = feature.get("geometry")
        kind = (geometry or {}).get("type")
        if kind not in ("Polygon", "MultiPolygon"):
            ledger.add(source_id, path, position, None, "null_geometry",
                       msg("geo.geometry_type", id=code, type=kind), name)
            continue
        try:
            shape = geojson_shape(geometry)
            if not shape.is_valid:  # repair only what needs it: the whole file is read per report run
                shape = shapely.make_valid(shape, method="structure", keep_collapsed=False)
        except (AttributeError, IndexError, KeyError, TypeError, ValueError) as exc:
            ledger.add(source_id, path, position, "geometry", "null_geometry",
                       msg("geo.shape_error", id=code, error=exc), name)
            continue
        if shape.is_empty or shape.area == 0:
            ledger.add(source_id, path, position, None, "null_geometry",
                       msg("geo.no_area", id=code), name)
            continue
        parts.setdefault(code, []).append(shape)
        file_names.setdefault(code, name)
    return _result(source_id, path, len(features), parts, file_names, regions, ledger,
                   attribution)


def _result(source_id, path, features_read, parts, file_names, regions, ledger,
            attribution: str = "") -> GeometryResult:
    official = regions.set_index("bps_code")
    codes = sorted(parts)
    # Repeated ids are parts of one regency (and some exact copies): their union is the shape.
    geometries = [parts[c][0] if len(parts[c]) == 1 else shapely.union_all(parts[c]) for c in codes]
    shapes = gpd.GeoDataFrame(
        {"bps_code": codes,
         "name": [official.at[c, "name"] for c in codes],
         "province_bps": [official.at[c, "province_bps"] for c in codes],
         "file_name": [file_names[c] for c in codes]},
        geometry=geometries, crs=CRS)
    shapes.attrs["attribution"] = attribution
    wanted = regions[regions["province_bps"].isin(set(shapes["province_bps"]))]
    missing = sorted(set(wanted["bps_code"]) - set(codes))
    mismatches = [c for c in codes if not _same_name(file_names[c], official.at[c, "name"])]
    return GeometryResult(source_id, path, features_read, shapes, missing, ledger, mismatches,
                          attribution)


def read_geometry(raw_dir: Path | None = None) -> GeometryResult | None:
    """The national regency shapes from the raw folder: the complete GeoJSON file, else the
    older TopoJSON, else None (geometry is never committed, so maps are drawn only where the
    raw files are)."""
    raw_dir = config.default_raw_dir() if raw_dir is None else Path(raw_dir)
    if raw_dir is None:
        return None
    if (Path(raw_dir) / GEOJSON_FILE).is_file():
        return read_geojson(Path(raw_dir) / GEOJSON_FILE, attribution=GEOJSON_ATTRIBUTION)
    if (Path(raw_dir) / NATIONAL_FILE).is_file():
        return read_topojson(Path(raw_dir) / NATIONAL_FILE, "kabkot")
    return None


def decode_arcs(topology: dict) -> list[np.ndarray]:
    """Every arc as an (n, 2) array of longitude/latitude."""
    transform = topology.get("transform")
    decoded = []
    for arc in topology.get("arcs", []):
        points = np.asarray(arc, dtype=float).reshape(-1, 2)
        if transform:  # quantized: positions are deltas from the previous point
            points = np.cumsum(points, axis=0) * transform["scale"] + transform["translate"]
        decoded.append(points)
    return decoded


def _ring(indices: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    pieces = []
    for k, index in enumerate(indices):
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        pieces.append(points if k == 0 else points[1:])  # arcs share their end points
    return np.concatenate(pieces)


def _polygon(rings: list[list[int]], arcs: list[np.ndarray]) -> Polygon:
    shell, *holes = (_ring(r, arcs) for r in rings)
    return Polygon(shell, holes)


def _shape(feature: dict, arcs: list[np.ndarray]):
    if feature["type"] == "Polygon":
        return _polygon(feature["arcs"], arcs)
    return MultiPolygon([_polygon(p, arcs) for p in feature["arcs"]])


def _same_name(file_name: str, official: str) -> bool:
    whole = re.sub(r"[^A-Z0-9]", "", file_name.upper())  # "Kota Baru" is Kotabaru
    return name_key(official) in {name_key(file_name), whole}

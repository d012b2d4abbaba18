"""Indonesia's 38 provinces and 514 kabupaten/kota, and a resolver to the BPS code.

The key everywhere is the 4-digit BPS code of the *Kode Wilayah Kerja Statistik 2020*
(``1101`` = Simeulue). Kemendagri codes differ inside many provinces (``11.01`` = Aceh
Selatan), so codes from other systems are translated here, never trusted as they are.

Papua was split in 2022. A regency keeps its 2020 BPS code (the one the geometry and the
BPS bridging table use), and its province follows the split: Merauke is ``9401`` in province
``95`` Papua Selatan. The BPS codes of the new provinces are those BPS itself publishes
(Papua Barat Daya 92, Papua Selatan 95, Papua Tengah 96, Papua Pegunungan 97).

``build_regions`` makes the table from the raw code lists; everything else reads the
committed ``data/processed/regions.csv`` so that it works without raw files.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import config
from .atomic import finish_pending
from .messages import joined as _joined
from .messages import msg

REGION_COLUMNS = ["bps_code", "dagri_code", "name", "type", "province_bps",
                  "province_dagri", "province_name", "bps_name"]

# Kemendagri 2025 province code -> BPS province code where they differ (the Papua region).
DAGRI_TO_BPS_PROVINCE = {"91": "94", "92": "91", "93": "95", "94": "96", "95": "97", "96": "92"}

# Spelling variants met in real files, as normalised keys (see ``name_key``): variant -> key
# of the official name. Renamed regencies keep their old name here too.
ALIASES = {
    "MAKASAR": "MAKASSAR",
    "PANGKAJENEKEPULAUAN": "PANGKAJENEDANKEPULAUAN",
    "PANGKEP": "PANGKAJENEDANKEPULAUAN",
    "TOBASAMOSIR": "TOBA",
    "MAHAKAMHULU": "MAHAKAMULU",
    "PADANGSIDEMPUAN": "PADANGSIDIMPUAN",
    "PAHUWATO": "POHUWATO",
    "SIAUTAGULANDANGBIARO": "KEPULAUANSIAUTAGULANDANGBIARO",
    "SITARO": "KEPULAUANSIAUTAGULANDANGBIARO",
    "SELAYAR": "KEPULAUANSELAYAR",
    "MALUKUTENGGARABARAT": "KEPULAUANTANIMBAR",
    "PAKPAKBARAT": "PAKPAKBHARAT",
    "PENUKALABABLEMATANG": "PENUKALABABLEMATANGILIR",
    "PALI": "PENUKALABABLEMATANGILIR",
    "MAMUJUUTARA": "PASANGKAYU",
    # Printed in secondary stunting articles (data/SOURCES.md); each has one certain target
    # in its province. One-letter typos with a unique closest name: Sika (NTT), Marros
    # (Sulsel), Padan Lawas (Sumut; not Padang Lawas Utara), Padangsidampuan (Sumut);
    # Membrano Tengah is Mamberamo Tengah (the only '... Tengah' near it, Papua);
    # "Malang – Kepanjen" names Kabupaten Malang by its capital.
    "SIKA": "SIKKA",
    "MARROS": "MAROS",
    "PADANLAWAS": "PADANGLAWAS",
    "PADANGSIDAMPUAN": "PADANGSIDIMPUAN",
    "MEMBRANOTENGAH": "MAMBERAMOTENGAH",
    "MALANGKEPANJEN": "MALANG",
    # Official local abbreviations (Sumatera Selatan, Riau, Sulawesi Barat).
    "OKU": "OGANKOMERINGULU", "OKUSELATAN": "OGANKOMERINGULUSELATAN",
    "OKUTIMUR": "OGANKOMERINGULUTIMUR", "OKI": "OGANKOMERINGILIR", "OI": "OGANILIR",
    "MURA": "MUSIRAWAS", "MURATARA": "MUSIRAWASUTARA", "MUBA": "MUSIBANYUASIN",
    "KUANSING": "KUANTANSINGINGI", "POLMAN": "POLEWALIMANDAR",
    # Official local abbreviations of Sulawesi Utara, Maluku and Maluku Utara, and island
    # names used for their regency, printed in the second secondary stunting list
    # (data/SOURCES.md); each names one regency. "Kepulauan Kei" is Maluku Tenggara's islands
    # (Kota Tual, also on Kei, is a kota).
    "BOLMONG": "BOLAANGMONGONDOW", "BOLSEL": "BOLAANGMONGONDOWSELATAN",
    "BOLTIM": "BOLAANGMONGONDOWTIMUR", "BOLMUT": "BOLAANGMONGONDOWUTARA",
    "MINSEL": "MINAHASASELATAN", "MINUT": "MINAHASAUTARA", "MITRA": "MINAHASATENGGARA",
    "KEPULAUANSITARO": "KEPULAUANSIAUTAGULANDANGBIARO",
    "MALRA": "MALUKUTENGGARA", "KEPULAUANKEI": "MALUKUTENGGARA", "KEPULUANKEI": "MALUKUTENGGARA",
    "SBB": "SERAMBAGIANBARAT", "MBD": "MALUKUBARATDAYA",
    "TALIABU": "PULAUTALIABU", "MOROTAI": "PULAUMOROTAI", "KEPULAUANMOROTAI": "PULAUMOROTAI",
}

# Provinces split in 2022 whose 2020 BPS code still prefixes their former regencies' codes.
PRE_SPLIT_PROVINCES = ("91", "94")

# A file's regency codes are BPS or Kemendagri codes (``CODE_SYSTEMS``); "dagri" is the
# resolver's older name for Kemendagri and is still accepted.
CODE_SYSTEMS = ("bps", "kemendagri")
_INTERNAL_SYSTEM = {"bps": "bps", "kemendagri": "dagri", "dagri": "dagri"}
SYSTEM_LABELS = {"bps": "BPS", "dagri": "Kemendagri"}
_CODE_TEXT = re.compile(r"\d{4}|\d{2}\.\d{2}")


def looks_like_code(text) -> bool:
    """True for a 4-digit regency code, plain or with the Kemendagri dot (``3204``, ``32.04``)."""
    return _CODE_TEXT.fullmatch(str(text).strip()) is not None


def _systems(system: str | None) -> tuple[str, ...]:
    """The resolver's systems to try for a file's ``system`` (None or "mixed": both)."""
    if system is None or system == "mixed":
        return ("bps", "dagri")
    if system not in _INTERNAL_SYSTEM:
        raise ValueError(f"code system must be one of {', '.join(CODE_SYSTEMS)}, not {system!r}")
    return (_INTERNAL_SYSTEM[system],)


# Province names met in real files: normalised key -> BPS province code.
PROVINCE_ALIASES = {
    "DKIJAKARTA": "31", "JAKARTA": "31", "DAERAHKHUSUSIBUKOTAJAKARTA": "31",
    "DAERAHKHUSUSJAKARTA": "31",
    "DIYOGYAKARTA": "34", "YOGYAKARTA": "34", "DAERAHISTIMEWAYOGYAKARTA": "34",
    "BABEL": "19", "BANGKABELITUNG": "19", "KEPRI": "21",
    "NTB": "52", "NTT": "53", "NAD": "11", "NANGGROEACEHDARUSSALAM": "11",
    # Short forms and the "Sumatra" spelling of news articles.
    "SUMBAR": "13", "SUMSEL": "16", "SULBAR": "76", "SUMATRAUTARA": "12",
    "SUMATRABARAT": "13", "SUMATRASELATAN": "16",
    "WESTPAPUA": "91",  # English pages (Databoks EN)
}

# The short names offices use for their province (BPS code -> name), which the report index
# lets a reader type: "Jateng" finds Jawa Tengah's pages.
PROVINCE_SHORT_NAMES = {
    "11": "NAD", "12": "Sumut", "13": "Sumbar", "16": "Sumsel", "19": "Babel", "21": "Kepri",
    "31": "DKI", "32": "Jabar", "33": "Jateng", "34": "DIY", "35": "Jatim", "52": "NTB", "53": "NTT",
    "61": "Kalbar", "62": "Kalteng", "63": "Kalsel", "64": "Kaltim", "65": "Kaltara",
    "71": "Sulut", "72": "Sulteng", "73": "Sulsel", "74": "Sultra", "76": "Sulbar", "82": "Malut",
    "91": "Pabar", "92": "PBD", "95": "Pasel", "96": "Papteng", "97": "Papeg",
}

_PREFIXES = [  # longest first; (tokens, type)
    (("KABUPATEN", "ADMINISTRASI"), "kabupaten"), (("KAB", "ADMINISTRASI"), "kabupaten"),
    (("KAB", "ADM"), "kabupaten"), (("KOTA", "ADMINISTRASI"), "kota"), (("KOTA", "ADM"), "kota"),
    (("KABUPATEN",), "kabupaten"), (("KAB",), "kabupaten"), (("KOTA",), "kota"),
]
_TOKEN_EXPANSIONS = {"KEP": "KEPULAUAN", "KEPL": "KEPULAUAN", "KEPUL": "KEPULAUAN"}


def split_prefix(name: str) -> tuple[str | None, str]:
    """``'Kab. Bogor'`` -> ``('kabupaten', 'BOGOR')``; bare names give type None.

    Case, punctuation and spacing are folded; ``Kep.`` is read as ``Kepulauan``.
    """
    text = re.sub(r"[^A-Z0-9]+", " ", str(name).upper()).split()
    kind = None
    for tokens, typ in _PREFIXES:
        if tuple(text[: len(tokens)]) == tokens and len(text) > len(tokens):
            kind, text = typ, text[len(tokens):]
            break
    text = [_TOKEN_EXPANSIONS.get(t, t) for t in text]
    return kind, " ".join(text)


def name_key(name: str) -> str:
    """The spacing- and punctuation-free key of a name without its prefix, aliases applied."""
    key = split_prefix(name)[1].replace(" ", "")
    return ALIASES.get(key, key)


def _province_key(name: str) -> str:
    text = re.sub(r"[^A-Z0-9]+", " ", str(name).upper()).split()
    if text[:1] == ["PROVINSI"]:
        text = text[1:]
    text = [_TOKEN_EXPANSIONS.get(t, t) for t in text]
    return "".join(text)


class RegionError(LookupError):
    """A name or code that does not resolve to exactly one region (``message``: a catalogue
    message of ``kbanalysis.messages``; ``str(error)`` is its English)."""

    def __init__(self, reason: str, message: str, candidates: list[str] | None = None):
        self.reason = reason  # a ledger reason: unknown_region, ambiguous_region, ...
        self.candidates = candidates or []
        super().__init__(message)


# --------------------------------------------------------------------------------------
# Building the table from the raw code lists


def build_regions(raw_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Regencies and provinces from the BPS-Kemendagri bridging list and Kemendagri 2025.

    Returns ``(regencies, provinces)``. Raises ValueError if the lists do not join one to one:
    a silent mismatch here would move every later value to the wrong regency.
    """
    from .sources.kode_wilayah import read_code_lists  # the reader owns the file quirks

    lists = read_code_lists(raw_dir)
    bridge, dagri, dagri_prov, bps_prov = (lists["bridge"], lists["regencies_2025"],
                                           lists["provinces_2025"], lists["provinces_bridge"])

    bridge = bridge.assign(type=bridge["kode_bps"].str[2:].astype(int).ge(71)
                           .map({True: "kota", False: "kabupaten"}),
                           key=bridge["nama_bps"].map(name_key))
    dagri = dagri.assign(code_plain=dagri["code"].str.replace(".", "", regex=False),
                         type=dagri["name"].map(lambda n: split_prefix(n)[0]),
                         key=dagri["name"].map(name_key))

    # Outside Papua the 2020 Kemendagri code is still the 2025 code: join on it and check names.
    by_code = bridge.merge(dagri, left_on="kode_dagri", right_on="code_plain", how="inner",
                           suffixes=("", "_2025"))
    by_code = by_code[(by_code["key"] == by_code["key_2025"]) & (by_code["type"] == by_code["type_2025"])]
    # Papua's regencies were renumbered by the split: join the rest on type and name.
    rest_bridge = bridge[~bridge["kode_bps"].isin(by_code["kode_bps"])]
    rest_dagri = dagri[~dagri["code"].isin(by_code["code"])]
    by_name = rest_bridge.merge(rest_dagri, on=["type", "key"], how="inner", suffixes=("", "_2025"))
    by_name = by_name.assign(type_2025=by_name["type"], key_2025=by_name["key"])
    joined = pd.concat([by_code, by_name], ignore_index=True)

    unmatched = sorted(set(bridge["kode_bps"]) - set(joined["kode_bps"]))
    dupes = joined["kode_bps"][joined["kode_bps"].duplicated()].tolist()
    if unmatched or dupes or len(joined) != len(dagri):
        raise ValueError(
            f"code lists do not join one to one: BPS codes without a Kemendagri 2025 match "
            f"{unmatched}, matched twice {dupes}; {len(joined)} of {len(dagri)} joined")

    prov_names = dict(zip(dagri_prov["code"], dagri_prov["name"]))
    regencies = pd.DataFrame({
        "bps_code": joined["kode_bps"],
        "dagri_code": joined["code"],
        "name": joined["name"].str.replace(r"\s+", " ", regex=True).str.strip(),
        "type": joined["type"],
        "province_bps": joined["province_code"].map(lambda c: DAGRI_TO_BPS_PROVINCE.get(c, c)),
        "province_dagri": joined["province_code"],
        "province_name": joined["province_code"].map(prov_names),
        "bps_name": joined["nama_bps"],
    }).sort_values("bps_code").reset_index(drop=True)

    # The bridging list's province codes must agree with ours outside the split.
    bridged = dict(zip(bps_prov["kode_dagri"], bps_prov["kode_bps"]))
    for dagri_code, bps_code in bridged.items():
        if DAGRI_TO_BPS_PROVINCE.get(dagri_code, dagri_code) != bps_code:
            raise ValueError(f"province code {dagri_code}: bridging list says BPS {bps_code}")

    provinces = pd.DataFrame({
        "province_bps": [DAGRI_TO_BPS_PROVINCE.get(c, c) for c in dagri_prov["code"]],
        "province_dagri": dagri_prov["code"].tolist(),
        "province_name": dagri_prov["name"].tolist(),
    }).sort_values("province_bps").reset_index(drop=True)
    provinces["n_regencies"] = provinces["province_bps"].map(
        regencies["province_bps"].value_counts()).astype(int)
    return regencies[REGION_COLUMNS], provinces


# --------------------------------------------------------------------------------------
# Loading and resolving


@lru_cache(maxsize=4)
def load_regions(path: Path = config.REGIONS_CSV) -> pd.DataFrame:
    finish_pending(Path(path).parent)  # never read half of an interrupted rebuild
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@lru_cache(maxsize=4)
def load_provinces(path: Path = config.PROVINCES_CSV) -> pd.DataFrame:
    finish_pending(Path(path).parent)  # never read half of an interrupted rebuild
    frame = pd.read_csv(path, dtype={"province_bps": str, "province_dagri": str})
    return frame


@dataclass(frozen=True)
class Match:
    bps_code: str
    via: str  # how it was found: "bps_code", "dagri_code", "name"


class Resolver:
    """Finds the BPS code of a regency or province from names or codes of either system."""

    def __init__(self, regencies: pd.DataFrame | None = None, provinces: pd.DataFrame | None = None):
        self.regencies = load_regions() if regencies is None else regencies
        self.provinces = load_provinces() if provinces is None else provinces
        self._by_bps = self.regencies.set_index("bps_code")
        self._dagri_to_bps = dict(zip(self.regencies["dagri_code"].str.replace(".", "", regex=False),
                                      self.regencies["bps_code"]))
        self._by_key: dict[str, list[str]] = {}
        for row in self.regencies.itertuples():
            for name in {row.name, row.bps_name}:
                codes = self._by_key.setdefault(name_key(name), [])
                if row.bps_code not in codes:
                    codes.append(row.bps_code)
        self._prov_by_key = {_province_key(n): c for n, c in
                             zip(self.provinces["province_name"], self.provinces["province_bps"])}
        self._prov_by_key.update(PROVINCE_ALIASES)
        self._prov_codes = set(self.provinces["province_bps"])
        self._prov_dagri = dict(zip(self.provinces["province_dagri"], self.provinces["province_bps"]))

    # -- provinces ---------------------------------------------------------------------
    def province(self, name_or_code, system: str = "bps") -> str:
        """BPS province code from a name (any case/spelling) or a code of ``system``."""
        text = str(name_or_code).strip()
        if text.isdigit():
            code = text.zfill(2)
            table = self._prov_codes if system == "bps" else self._prov_dagri
            if code in table:
                return code if system == "bps" else self._prov_dagri[code]
            raise RegionError("unknown_region", msg("regions.unknown_province_code",
                                                    system=system.upper(), text=text),
                              sorted(table))
        key = _province_key(text)
        if key in self._prov_by_key:
            return self._prov_by_key[key]
        close = difflib.get_close_matches(key, list(self._prov_by_key), n=3, cutoff=0.6)
        names = [self.province_name(self._prov_by_key[k]) for k in close]
        message = msg("regions.unknown_province", text=text)
        if names:
            message = msg("regions.closest", message=message,
                          names=", ".join(dict.fromkeys(names)))
        raise RegionError("unknown_region", message, names)

    def province_name(self, bps_code: str) -> str:
        return self.provinces.set_index("province_bps").at[bps_code, "province_name"]

    # -- regencies ---------------------------------------------------------------------
    def regency(self, name: str, province=None, *, bare_means: str | None = None,
                system: str | None = None) -> str:
        """BPS code of a kabupaten/kota from its name, optionally within a province.

        ``bare_means`` states a file's own convention for names without a prefix (the SSGI
        table drops ``Kabupaten`` but keeps ``Kota``); without it, a bare name shared by a
        kabupaten and a kota is rejected as ambiguous rather than guessed. A name that is a
        code (``3204``) is read as a code of ``system`` (see :meth:`code_alone`).
        """
        prov = None if province is None or str(province).strip() == "" else self.province(province)
        if looks_like_code(name):
            return self.code_alone(name, system, prov).bps_code
        kind, _ = split_prefix(name)
        written = kind  # the type the name was written with, kept for the suggestions
        key = name_key(name)
        codes = self._candidates(key, prov)
        if kind == "kota" and not [c for c in codes if self._type(c) == "kota"]:
            # "Kota Baru" is the kabupaten Kotabaru: the prefix was part of the name.
            whole = re.sub(r"[^A-Z0-9]", "", str(name).upper())
            codes, kind = self._candidates(ALIASES.get(whole, whole), prov), None
        typed = [c for c in codes if self._type(c) == (kind or bare_means)] if (kind or bare_means) else codes
        if len(typed) == 1:
            return typed[0]
        if len(codes) > 1 and len(typed) != 1:
            names = [self.label(c) for c in codes]
            raise RegionError("ambiguous_region",
                              msg("regions.ambiguous_name", name=name, names=" / ".join(names)),
                              names)
        if len(codes) == 1 and not typed:
            raise RegionError("unknown_region",
                              msg("regions.only_of_kind", name=name, key=key,
                                  label=self.label(codes[0])), [self.label(codes[0])])
        pool = (self.regencies if prov is None else self.regencies[
            [self._in_province(c, prov) for c in self.regencies["bps_code"]]])
        if written is not None:  # "Kab. Tgal" suggests Kabupaten Tegal, never Kota Tegal
            pool = pool[pool["type"] == written]
        keys = {name_key(n): c for n, c in zip(pool["name"], pool["bps_code"])}
        close = [self.label(keys[k]) for k in difflib.get_close_matches(key, list(keys), n=3, cutoff=0.5)]
        message = (msg("regions.unknown_regency_in", name=name, province=self.province_name(prov))
                   if prov else msg("regions.unknown_regency", name=name))
        if close:
            message = msg("regions.closest", message=message, names=", ".join(close))
        raise RegionError("unknown_region", message, close)

    def _candidates(self, key: str, prov: str | None) -> list[str]:
        codes = self._by_key.get(key, [])
        if prov is not None:
            codes = [c for c in codes if self._in_province(c, prov)]
        return codes

    def _in_province(self, code: str, prov: str) -> bool:
        """True when regency ``code`` is in province ``prov``, today or before the 2022 split:
        the 2020 BPS code keeps the old province's digits, so a file from before the split
        that writes Merauke (9401) under Papua (94) or Sorong under Papua Barat (91) is read."""
        return self._by_bps.at[code, "province_bps"] == prov or (
            prov in PRE_SPLIT_PROVINCES and code.startswith(prov))

    def namesakes(self, name: str, province=None) -> list[str]:
        """BPS codes of every regency called ``name`` whatever its type (``KEDIRI``: the
        kabupaten and the kota), within ``province`` when given."""
        prov = None if province is None or str(province).strip() == "" else self.province(province)
        return list(self._candidates(name_key(name), prov))

    def _type(self, code: str) -> str:
        return self._by_bps.at[code, "type"]

    def label(self, bps_code: str) -> str:
        row = self._by_bps.loc[bps_code]
        return f"{row['name']} ({bps_code}, {row['province_name']})"

    def code(self, code, system: str = "bps") -> str:
        """BPS code from a 4-digit code of ``system`` ("bps", or "kemendagri"/"dagri").

        A Kemendagri code may keep its dot (``11.09``); a dotted code is Kemendagri by its
        form and never read as a BPS code.
        """
        (internal,) = _systems(system)
        text = str(code).strip()
        plain = re.sub(r"\D", "", text)
        if internal == "bps" and "." in text:
            raise RegionError("unknown_region", msg("regions.dotted_not_bps", text=text))
        if internal == "bps" and plain in self._by_bps.index:
            return plain
        if internal == "dagri" and plain in self._dagri_to_bps:
            return self._dagri_to_bps[plain]
        raise RegionError("unknown_region", msg("regions.unknown_regency_code",
                                                system=SYSTEM_LABELS[internal], text=text))

    def code_alone(self, code, system: str | None = None, province: str | None = None) -> Match:
        """A code without a name to check it against, read in ``system`` (None: both).

        Read in both systems, the code must name one regency in every system it exists in
        (within ``province``, a BPS province code, when given); a code that names two
        (``1109``: Pidie in BPS, Simeulue in Kemendagri) is ``ambiguous_region``.
        """
        found = self._found_in(code, _systems(system))
        if province is not None:
            elsewhere = {s: c for s, c in found.items() if not self._in_province(c, province)}
            found = {s: c for s, c in found.items() if s not in elsewhere}
            if elsewhere and not found:
                raise RegionError("code_name_mismatch", msg("regions.not_in_province", codes=[
                    msg("regions.system_code_is", system=SYSTEM_LABELS[s],
                        code=str(code).strip(), label=self.label(c))
                    for s, c in elsewhere.items()], province=self.province_name(province)))
        if not found:
            raise RegionError("unknown_region", msg(
                "regions.no_regency_code", code=str(code).strip(),
                systems=_joined("join.or", [SYSTEM_LABELS[s] for s in _systems(system)])))
        if len(set(found.values())) > 1:
            raise RegionError("ambiguous_region", msg("regions.declare_system", message=msg(
                "regions.code_is", code=str(code).strip(), labels=_joined("join.but", [
                    msg("regions.in_coding", label=self.label(c), system=SYSTEM_LABELS[s])
                    for s, c in found.items()]))),
                [self.label(c) for c in found.values()])
        system_used, bps_code = next(iter(found.items()))
        return Match(bps_code, f"{system_used}_code")

    def _found_in(self, code, systems: tuple[str, ...]) -> dict[str, str]:
        """``{system: BPS code}`` for each of ``systems`` in which ``code`` exists."""
        found = {}
        for system in systems:
            try:
                found[system] = self.code(code, system)
            except RegionError:
                continue
        return found

    def code_and_name(self, code, name: str, province=None, *,
                      bare_means: str | None = None, system: str | None = None) -> Match:
        """Cross-check a code against its name, in the file's code ``system``.

        ``system`` is "bps" or "kemendagri" (see ``kbanalysis.sources.code_system``); None
        (or "mixed") tries both, for files that mix systems (the Susenas table uses
        Kemendagri-style codes in Papua only): the system in which code and name agree wins,
        row by row. A code that exists in a tried system but names another regency there is
        a ``code_name_mismatch``, never settled by the name. Only a code that exists in no
        tried system (or an empty one) leaves the name to decide, as ``via="name"``: readers
        flag or reject that. A name that is itself a code (``3204``) is read as a code and
        must name the same regency as ``code``; an empty name leaves the code alone.
        """
        code = "" if code is None else str(code).strip()
        name = "" if name is None else str(name).strip()
        systems = _systems(system)
        prov = None
        if province is not None and str(province).strip():
            try:
                prov = self.province(province)
            except RegionError:
                pass  # the province only narrows the search, as it always has here
        if looks_like_code(name):
            return self._code_pair(code, name, system, prov)
        if not name:
            return self.code_alone(code, system, prov)
        by_name = None
        try:
            by_name = self.regency(name, prov, bare_means=bare_means)
        except RegionError:
            pass
        found = self._found_in(code, systems) if code else {}
        for used, bps_code in found.items():
            if bps_code == by_name or (by_name is None and self._names_agree(bps_code, name)):
                return Match(bps_code, f"{used}_code")
        if found:
            named = (self.label(by_name) if by_name is not None
                     else msg("regions.not_that_regency"))
            systems_of: dict[str, list[str]] = {}
            for used, bps_code in found.items():
                systems_of.setdefault(bps_code, []).append(SYSTEM_LABELS[used])
            raise RegionError("code_name_mismatch", msg("regions.but_name_is", codes=[
                msg("regions.system_code_is", system=_joined("join.and", labels), code=code,
                    label=self.label(c))
                for c, labels in systems_of.items()], name=name, named=named))
        if by_name is not None:
            return Match(by_name, "name")
        raise RegionError("code_name_mismatch", msg(
            "regions.code_and_name_unknown", code=code, name=name,
            systems=_joined("join.or", [SYSTEM_LABELS[s] for s in systems])))

    def _code_pair(self, code: str, name_code: str, system: str | None, prov: str | None) -> Match:
        """A name column holding a code: read it as a code, and it must agree with ``code``."""
        by_name = self.code_alone(name_code, system, prov)
        if not code:
            return by_name
        by_code = self.code_alone(code, system, prov)
        if by_code.bps_code != by_name.bps_code:
            raise RegionError("code_name_mismatch", msg(
                "regions.code_pair_mismatch", code=code, label=self.label(by_code.bps_code),
                name_code=name_code, name_label=self.label(by_name.bps_code)))
        return by_code

    def _names_agree(self, code: str, name: str) -> bool:
        row = self._by_bps.loc[code]
        return name_key(name) in {name_key(row["name"]), name_key(row["bps_name"])}


@lru_cache(maxsize=1)
def default_resolver() -> Resolver:
    return Resolver()

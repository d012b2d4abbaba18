"""Which Open Data Jabar value column is which tidy indicator. A new dataset is one line here.

Open Data Jabar (opendata.jabarprov.go.id) serves every dataset in one schema:
``[id,] kode_provinsi, nama_provinsi, [kode_kabupaten_kota, nama_kabupaten_kota,]
<value column>, satuan, tahun``. Only the value column's name says what is measured.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import indicators


@dataclass(frozen=True)
class OpenDataColumn:
    column: str  # the portal's value column name
    indicator: str  # the tidy indicator it becomes
    measure_type: str  # what the portal dataset measures; must agree with the indicator
    zero_means_missing: bool  # an exact 0 cannot be a real value (regional prevalences)
    datasets: str  # the portal datasets known to use this column, for the record


OPEN_DATA_COLUMNS: dict[str, OpenDataColumn] = {c.column: c for c in [
    # Dinkes routine weighing (e-PPGBM / Bulan Penimbangan), od_17148.
    OpenDataColumn("persentase_balita_stunting", "stunting_weighing_pct", "routine_weighing",
                   True, "od_17148"),
    # Kemenkes survey figures (SSGI 2021/2022/2024, SKI 2023), od_20735 and od_20953.
    OpenDataColumn("prevalensi_balita_stunting", "stunting_survey_pct", "survey",
                   True, "od_20735, od_20953"),
    # Dinkes / DP3AKB family-planning tables (KBPP layer and context).
    OpenDataColumn("jumlah_ibu_bersalin", "deliveries", "administrative", False,
                   "Dinkes jumlah ibu bersalin"),
    OpenDataColumn("jumlah_peserta_kb_pasca_persalinan", "kbpp_total", "administrative", False,
                   "Dinkes peserta KB pasca persalinan"),
    OpenDataColumn("jumlah_peserta_kb_aktif", "kb_active_users", "administrative", False,
                   "DP3AKB peserta KB aktif"),
    OpenDataColumn("jumlah_peserta_kb_baru", "kb_new_users", "administrative", False,
                   "DP3AKB peserta KB baru"),
    OpenDataColumn("jumlah_pasangan_usia_subur", "pus", "administrative", False, "DP3AKB PUS"),
    OpenDataColumn("persentase_unmet_need", "unmet_need_pct", "administrative", False,
                   "DP3AKB unmet need"),
]}

# The portal's ``satuan`` values and the tidy units each can stand for: ORANG labels both
# head counts of people and counts of events people go through (deliveries, acceptors).
SATUAN_UNITS = {
    "PERSEN": {"percent"}, "PERSENTASE": {"percent"}, "%": {"percent"},
    "INDEKS": {"index"}, "ORANG": {"persons", "count"}, "JIWA": {"persons", "count"},
    "PASANG": {"couples"},
}

BASE_COLUMNS = ["kode_provinsi", "nama_provinsi", "satuan", "tahun"]
REGENCY_COLUMNS = ["kode_kabupaten_kota", "nama_kabupaten_kota"]


def value_column(header: list[str]) -> OpenDataColumn | None:
    """The one known value column in ``header``, or None."""
    found = [OPEN_DATA_COLUMNS[c] for c in header if c in OPEN_DATA_COLUMNS]
    return found[0] if len(found) == 1 else None


def _check_table() -> None:
    # A measure-type slip here would put weighing data into the survey column.
    for spec in OPEN_DATA_COLUMNS.values():
        registered = indicators.get(spec.indicator).measure_type
        if registered != spec.measure_type:
            raise ValueError(f"{spec.column}: table says {spec.measure_type}, "
                             f"indicator {spec.indicator} is {registered}")


_check_table()

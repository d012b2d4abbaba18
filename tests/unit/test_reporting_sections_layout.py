"""The sections split by level of report stay callable by the templates and need no batch runner."""
from __future__ import annotations

import json
import re
import subprocess
import sys

from kbanalysis import config
from kbanalysis.reporting import sections as S


def test_every_section_a_template_calls_is_importable_from_sections():
    called = set()
    for level in ("regency", "province", "national"):
        notebook = json.loads((config.NOTEBOOKS_DIR / "reports" / f"{level}.ipynb").read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            called |= set(re.findall(r"\bS\.([A-Za-z_]\w*)\(", "".join(cell["source"])))
    assert {"regency_kbpp", "province_planning", "national_overview", "footer"} <= called
    assert [name for name in sorted(called) if not callable(getattr(S, name, None))] == []


def test_a_section_linking_to_the_templates_does_not_load_the_batch_runner():
    if not config.ANALYSIS_CSV.exists():
        from tests.conftest import skip_or_fail
        skip_or_fail("data/processed/analysis.csv has not been built yet")
    # a fresh interpreter: what the section itself imports, nothing loaded by other tests
    code = ("import sys\n"
            "from kbanalysis.reporting.context import load_context\n"
            "from kbanalysis.reporting import sections as S\n"
            "ctx = load_context(raw_dir=None)\n"
            "block = S.kbpp_template_offer(ctx, '52', 'id', 'regency', regency='5203')\n"
            "print('../../templates/' in block.markup, 'kbanalysis.reporting.batch' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]

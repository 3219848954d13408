"""Where the Word golden files live and how they are written (one body item per line)."""

from __future__ import annotations

import json
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
DEMO_PLANS = ["2027-03-monthly-battle", "2027-account-deepening", "2027-company-strategic", "2027-east-kpi",
              "2027-enablement", "2027-southwest-expansion"]


def golden_path(name: str) -> Path:
    return GOLDEN / f"{name}.json"


def golden_text(structure_: dict) -> str:
    """Serialise with one body item per line, so a golden diff reads like the document."""
    lines = ["{"]
    for key, value in structure_.items():
        if key == "body":
            items = ",\n".join("  " + json.dumps(item, ensure_ascii=False) for item in value)
            lines.append(f' "body": [\n{items}\n ]')
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    return "\n".join(lines) + "\n}\n"

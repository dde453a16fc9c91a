"""How a received record is named in the import preview and the conflict queue."""

from __future__ import annotations

from typing import Any, Mapping


def _join(*parts: Any) -> str:
    return " ".join(str(p) for p in parts if p not in (None, ""))


def _short(text: Any, n: int = 70) -> str:
    text = str(text or "")
    return text if len(text) <= n else text[: n - 1] + "…"


LABELS = {
    "sector": lambda r: _join(r.get("name")),
    "occupation": lambda r: _join(r.get("code"), "–", r.get("title")),
    "competency_unit": lambda r: _join(r.get("code"), "–", r.get("title")),
    "assessor": lambda r: _join((r.get("family_name") or "").upper(), r.get("given_names"),
                                f"({r['assessor_ref']})" if r.get("assessor_ref") else None),
    "accreditation": lambda r: _join("Accreditation", r.get("accreditation_no"), f"level {r.get('aqrf_level')}"),
    "training": lambda r: _join(r.get("title"), r.get("start_date")),
    "participant": lambda r: _join(r.get("full_name")),
    "action_plan": lambda r: _join(r.get("plan_ref"), _short(r.get("title"))),
    "action_item": lambda r: _join(r.get("item_ref"), _short(r.get("description"))),
    "progress_update": lambda r: _join(r.get("on_date"), _short(r.get("text"))),
    "equivalence": lambda r: _join(r.get("country_a"), "↔", r.get("country_b"), f"level {r.get('aqrf_level')}"),
}

REGISTER_NAMES = {
    "sector": "Sectors", "occupation": "Occupations", "competency_unit": "Units of competency",
    "assessor": "Assessors", "accreditation": "Accreditations", "training": "Trainings",
    "participant": "Participants", "action_plan": "Action plans", "action_item": "Action items",
    "progress_update": "Progress updates", "equivalence": "Equivalences",
}


def label(register: str, record: Mapping[str, Any]) -> str:
    text = LABELS.get(register, lambda r: r.get("id", ""))(record)
    return text or str(record.get("id", ""))

"""The rule catalog.  Each module defines its rule codes and the check that
yields their defects; importing them fills the registry.  Texts and docs of
every rule are in data/rules.toml."""

from __future__ import annotations

from core.rules import (  # noqa: F401  (imported to register their rules)
    c_cells,
    r_reading,
    s1_title,
    s2_sections,
    s4_aspects,
    s6_problems,
    s8_timeliness,
    s9_residue,
    s10_wording,
    s11_padding,
    s13_years,
    t_arithmetic,
    t_tables,
    tt_prose,
    tt_text_table,
    x_cross_year,
    x_parent,
)
from core.rules.registry import DOC_FIELDS, TEXT_FIELDS, Rule, checks, rules

RULES: dict[str, Rule] = rules()

__all__ = ["DOC_FIELDS", "RULES", "TEXT_FIELDS", "Rule", "checks"]

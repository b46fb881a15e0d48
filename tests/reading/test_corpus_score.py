"""The real-report corpus (tests/corpus), scored as benchmarks/accuracy.py
scores it: every report's metadata exact, no cell read wrong, and at least
99.5 % of the cells that can be read read exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.accuracy import score

CORPUS = Path(__file__).parents[1] / "corpus"


@pytest.fixture(scope="module")
def scored():
    return score(CORPUS)


def test_the_corpus_holds_real_reports_with_their_truth(scored):
    scores, totals = scored
    assert totals.reports >= 9
    assert all(s.meta_checked for s in scores), [s.name for s in scores if not s.meta_checked]


def test_every_report_is_read_and_its_metadata_is_exact(scored):
    scores, _ = scored
    wrong = {s.name: s.meta_detail or [s.error] for s in scores if not s.meta_exact}
    assert wrong == {}


def test_no_cell_of_any_report_is_read_wrong(scored):
    scores, _ = scored
    assert {s.name: s.wrong_cells for s in scores if s.wrong_cells} == {}


def test_at_least_99_5_percent_of_the_readable_cells_are_read_exactly(scored):
    _, totals = scored
    assert totals.exact_share >= 0.995, totals.line()

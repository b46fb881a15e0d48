"""Stored fact locations say exactly what the parser's Location says."""

from __future__ import annotations

import json

import pytest

from core.document import Location
from core.store.ingest import _location_json


@pytest.mark.parametrize(
    "loc",
    [
        Location(line=3, table=1, row=2, cell=3),
        Location(table=0, row=5, cell=8),
        Location(page=2, table=1, row=2, cell=3),
        Location(page=1, line=5),
        Location(paragraph=4),
        Location(line=12),
    ],
)
def test_a_stored_location_round_trips_every_field_including_the_pdf_page(loc):
    assert json.loads(_location_json(loc)) == loc.as_dict()

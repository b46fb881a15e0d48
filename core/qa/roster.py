"""The seam for "who has not filed" ("2025年哪些单位还没有提交年报", "who has
not filed"): question answering recognises the question and hands it, as a
RosterQuestion, to the function the caller gives (`core.qa.ask(...,
roster=...)`), which knows the roster of agencies that must file.  Without
one the answer says that no roster is available."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RosterQuestion:
    year: int | None  # the report year asked about (None: the caller decides)
    place: str | None  # a place the agencies must be in (江岸区, 平潭)
    kind: str | None  # a kind of office (司法局)
    agencies: tuple[str, ...]  # agencies named in the question, if any
    chat_id: int | None
    lang: str


# Returns the reply's text in `question.lang`.
RosterHandler = Callable[[RosterQuestion], str]

"""Question answering over the stored reports: `ask(store, question, …)`.

The pipeline (each step in its own module, every step shown by
`nianbao ask --explain`): normalise (years in every notation) → agency
(core/agency_index.py) → metric → operation (understand.py) → query
(query.py) → answer (service.py, ops_*.py; texts in render*.py)."""

from core.qa.answer import Answer
from core.qa.roster import RosterHandler, RosterQuestion
from core.qa.service import ask

__all__ = ["Answer", "RosterHandler", "RosterQuestion", "ask"]

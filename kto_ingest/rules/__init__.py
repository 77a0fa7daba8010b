"""Rules: each has a stable id, a Dutch title and its documentation next to its code.

Importing this package registers every rule; a regime (``kto_ingest/regimes/*.toml``) says which
of them apply and with which parameters.
"""

from . import blikopwerk, jobcoaching, scholing  # noqa: F401  (registers the rules)
from .base import RULES, SEVERITY, Context, Rule, decided_by, evaluate, perceel_of, verdict_of

__all__ = ["RULES", "SEVERITY", "Context", "Rule", "decided_by", "evaluate", "perceel_of", "verdict_of"]

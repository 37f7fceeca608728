"""The findings of a run, from the registry (registry.py) the rule modules (rules/) fill.

    find(d)    every finding of one run's measures, errors first
    CODES      every registered code, in registration order
    RULES      the rule functions, in the same order
"""
from trainer.analyze import rules  # noqa: F401  (registers every finding)
from trainer.analyze.registry import REGISTRY, SEVERITIES, Finding, find  # noqa: F401

CODES = tuple(REGISTRY)
RULES = tuple(spec.rule for spec in REGISTRY.values())

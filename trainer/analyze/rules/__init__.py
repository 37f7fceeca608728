"""The rules, one module per idea; importing this package registers every finding
(registry.py). The import order is the order findings of one severity are listed in."""
from trainer.analyze.rules import divergence, endings, curve, speed  # noqa: F401

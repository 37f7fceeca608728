"""Plateau Lab: a nanoGPT-faithful GPT trainer and a training-log analyzer.

The data path, top to bottom:
    data/ (prepare)  ->  model.py + train.py  ->  train.log + metrics.jsonl
    ->  analyze/  ->  plots.py + i18n/  ->  gallery/  ->  the site's pages.

`config`, `sizing`, `hardware` (its tables) and `analyze` never import torch at
module level, so the analyzer starts fast and runs where torch is absent.
"""

__version__ = "0.1.0"

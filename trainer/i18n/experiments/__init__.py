"""Per-experiment strings of the figure catalog: trainer/i18n/experiments/<experiment>.py.

Each module defines STRINGS = {'<experiment>.<word>': {'en': ..., 'es': ..., 'fr': ..., 'zh-Hant': ...}}
and trainer.i18n.figures merges them into FIGURES, so a translator still
finds every label of one experiment in one small file.
"""

"""MkDocs hook: keep mkdocs-static-i18n's routine INFO lines out of the console.

On every build and every `mkdocs serve` reload the plugin logs, per language,
that the `extra.alternate` links are not absolute (they are relative on
purpose: see mkdocs.yml), which config values it overrides, and how many nav
items it translated: about 30 lines that are never a problem. Only those INFO
messages are dropped; the plugin's warnings and its "Building 'xx'
documentation" progress lines still show.
"""

import logging
import re

ROUTINE = re.compile(
    r"^mkdocs_static_i18n: (The 'extra\.alternate' configuration contains a 'link' option"
    r"|Overriding '[^']+' config |Updating '[^']+' config |Translated \d+ navigation element"
    r"|Language '[^']+' is not supported by lunr\.js|Adding '[^']+' to the '[^']+' plugin 'lang' option)")


def routine(record):
    """True for an INFO record of the plugin that is one of the routine messages above."""
    return record.levelno == logging.INFO and ROUTINE.match(record.getMessage()) is not None


class _DropRoutine(logging.Filter):
    def filter(self, record):
        return not routine(record)


for _name in ("plugin", "reconfigure", "folder"):
    _logger = logging.getLogger(f"mkdocs.plugins.mkdocs_static_i18n.{_name}")
    if not any(isinstance(f, _DropRoutine) for f in _logger.filters):
        _logger.addFilter(_DropRoutine())

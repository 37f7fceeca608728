"""A pasted error with no training lines: a CUDA out-of-memory line, a traceback.

People paste just the error and ask what to do. When no other format recognises a
line, the analyzer still reads such a log: it has no records, only the events the
parser finds in every log (events.py), and the findings say what the error means.
"""
from trainer.analyze.events import EXCEPTION, OOM, TRACEBACK
from trainer.analyze.formats.base import LogFormat


class ErrorsOnly(LogFormat):
    """A log that is only an error; the fallback format (module docstring)."""
    name = "errors-only"
    title = "an error message alone (a traceback or an out-of-memory line)"
    fallback = True
    eval_train = None

    @classmethod
    def score(cls, line):
        return 1 if (OOM.search(line) or line.startswith(TRACEBACK) or EXCEPTION.match(line)) else 0

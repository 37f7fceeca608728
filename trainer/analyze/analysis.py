"""analyze(): parse a log, then per run its setup, shared measures, facts and findings."""
from trainer.analyze import facts as facts_mod
from trainer.analyze.findings import find
from trainer.analyze.formats import FORMATS
from trainer.analyze.measures import Measures
from trainer.analyze.parse import parse_path, parse_text
from trainer.analyze.records import AnalyzeError
from trainer.analyze.setup import Setup, data_dir_info, device_peak, load_config_file


class RunResult:
    """One run's analysis: run (records.Run), setup (setup.Setup), facts (dict), findings (list)."""

    def __init__(self, run, setup, facts, findings):
        self.run, self.setup, self.facts, self.findings = run, setup, facts, findings

    def codes(self):
        """The codes of the findings, in report order."""
        return [f.code for f in self.findings]

    def finding(self, code):
        """The finding with this code, or None."""
        return next((f for f in self.findings if f.code == code), None)


class Analysis:
    """A whole log: format (registry name), runs (RunResult per run), lines read."""

    def __init__(self, fmt, runs, lines):
        self.format, self.runs, self.lines = fmt, runs, lines

    @property
    def format_class(self):
        """The format's class in the registry (formats.FORMATS), with its capabilities."""
        return FORMATS[self.format]


def analyze(path=None, *, text=None, config=None, data_tokens=None, data_dir=None, device_name=None,
            format_hint=None):
    """Analyze the log at `path` ('-' for stdin) or given as `text` (str or bytes).

    config: a nanoGPT config file (parsed, never executed); data_tokens (int > 0) or
    data_dir: the training set size in tokens, for epochs; device_name: the GPU the run
    used, to re-normalize an MFU printed against another GPU's peak; format_hint: a
    registry name that skips detection. Raises AnalyzeError for bad input or options.
    """
    if (path is None) == (text is None):
        raise AnalyzeError("give a log path or its text")
    if data_tokens is not None and data_dir is not None:
        raise AnalyzeError("give --data-tokens or --data-dir, not both")
    if data_tokens is not None and (not isinstance(data_tokens, int) or data_tokens <= 0):
        raise AnalyzeError(f"--data-tokens must be a positive integer, got {data_tokens!r}")
    file_cfg = load_config_file(config)[0] if config else None
    device = device_peak(device_name) if device_name else None
    data_source, meta_vocab = ("option" if data_tokens else None), None
    if data_dir is not None:
        data_tokens, meta_vocab = data_dir_info(data_dir)
        data_source = "data_dir"
    parsed = parse_text(text, format_hint) if text is not None else parse_path(path, format_hint)
    fmt = FORMATS[parsed.format]
    results = []
    for run in parsed.runs:
        setup = Setup(run, fmt, file_cfg, device, data_tokens, data_source, meta_vocab)
        measures = Measures(run, setup)
        measures.facts = facts_mod.compute(run, setup, measures)
        results.append(RunResult(run, setup, measures.facts, find(measures)))
    return Analysis(parsed.format, results, parsed.lines)

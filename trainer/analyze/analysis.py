"""analyze(): parse a log, then per run the setup, the facts and the findings."""
from trainer.analyze import facts as facts_mod
from trainer.analyze.findings import RunData, find
from trainer.analyze.parse import parse_path, parse_text
from trainer.analyze.records import AnalyzeError


class RunResult:
    def __init__(self, run, setup, facts, findings):
        self.run, self.setup, self.facts, self.findings = run, setup, facts, findings

    def codes(self):
        return [f.code for f in self.findings]

    def finding(self, code):
        return next((f for f in self.findings if f.code == code), None)


class Analysis:
    def __init__(self, fmt, runs, lines):
        self.format, self.runs, self.lines = fmt, runs, lines


def analyze(path=None, *, text=None, config=None, data_tokens=None, data_dir=None, device_name=None,
            format_hint=None):
    """Analyze the log at `path` ('-' for stdin) or given as `text`.

    config: a nanoGPT config file (parsed, never executed); data_tokens or data_dir:
    the training set size, for epochs; device_name: the GPU the run used, to
    re-normalize nanoGPT's A100-relative MFU. Raises AnalyzeError for bad input.
    """
    if (path is None) == (text is None):
        raise AnalyzeError("give a log path or its text")
    if data_tokens is not None and data_dir is not None:
        raise AnalyzeError("give --data-tokens or --data-dir, not both")
    if data_tokens is not None and (not isinstance(data_tokens, int) or data_tokens <= 0):
        raise AnalyzeError(f"--data-tokens must be a positive integer, got {data_tokens!r}")
    file_cfg = facts_mod.load_config_file(config)[0] if config else None
    device = facts_mod.device_peak(device_name) if device_name else None
    data_source, meta_vocab = ("option" if data_tokens else None), None
    if data_dir is not None:
        data_tokens, meta_vocab = facts_mod.data_dir_info(data_dir)
        data_source = "data_dir"
    parsed = parse_text(text, format_hint) if text is not None else parse_path(path, format_hint)
    results = []
    for run in parsed.runs:
        setup = facts_mod.Setup(run, parsed.format, file_cfg, device, data_tokens, data_source, meta_vocab)
        data = RunData(run, setup)
        run_facts = facts_mod.compute(run, setup, data.steady_time_ms, data.printed_mfu)
        results.append(RunResult(run, setup, run_facts, find(data, run_facts)))
    return Analysis(parsed.format, results, parsed.lines)

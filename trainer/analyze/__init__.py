"""The training-log analyzer: parse any nanoGPT-style log, diagnose it, report it.

    analyze(path or text=...) -> Analysis      trainer/analyze/analysis.py
    report.to_text / to_markdown / to_json     trainer/analyze/report.py
    plot.draw(analysis, 'out.svg', lang)        trainer/analyze/plot.py

Formats: nanoGPT train.py, llm.c (console and main.log), modded-nanogpt,
build-nanogpt and our own metrics.jsonl (formats.py). No torch anywhere here.
"""
from trainer.analyze.analysis import Analysis, RunResult, analyze
from trainer.analyze.records import AnalyzeError

__all__ = ["analyze", "Analysis", "RunResult", "AnalyzeError"]

"""The log formats the analyzer reads, by name (lines.py has the cleaner they share).

Each format is a small class: `score(line)` says how strongly a (cleaned) line
looks like this format (used by auto-detection), and `feed(line, sink)` turns a
line into records on the sink (see parse.Sink), returning False for lines it
does not recognise. The exact lines come from each project's source:

  nanogpt        train.py: `iter N: loss X, time Yms, mfu Z%`, `step N: train loss X, val loss Y`,
                 and the header lines (configurator, tokens per iteration, parameter count...)
  llmc           train_gpt2.cu console `step N/T | loss X (..z)| norm X (..z)| lr X | X ms | X% bf16 MFU | X tok/s`
                 and `val loss X`; train_gpt2.c `step N: train loss X (took Y ms)`;
                 the main.log file `s:N trl:X lr:X norm:X` / `s:N tel:X`
  modded-nanogpt `step:N/T val_loss:X train_time:Xms step_avg:Xms`, train lines with or without train_loss
  build-nanogpt  `step N | loss: X | lr X | norm: X | dt: Xms | tok/sec: X`, `validation loss: X`,
                 and its log.txt `N train X` / `N val X`
  metrics-jsonl  our trainer's metrics.jsonl: {"kind": "config"|"iter"|"eval"|"error", ...}

nanogpt.py has the first, peers.py the others.
"""
from trainer.analyze.nanogpt import NanoGPT
from trainer.analyze.peers import BuildNanoGPT, LlmC, MetricsJsonl, Modded

FORMATS = {cls.name: cls for cls in (NanoGPT, LlmC, Modded, BuildNanoGPT, MetricsJsonl)}

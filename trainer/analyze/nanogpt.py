"""nanoGPT's train.py console log (research notes section 1.2), and our trainer's, which prints the same lines.

    iter N: loss X, time Yms, mfu Z%          train mode, last micro-batch; mfu vs the A100
    step N: train loss X, val loss Y          estimate_loss(), eval mode for both splits
    tokens per iteration will be: N           once per process (a new run starts here)
    Overriding config with FILE: + its text   read with ast, never executed

parse.py reads clean `iter` lines in bulk; everything else comes through feed().
"""
import math
import re

from trainer.analyze.lines import NUM, literal, num, set_config
from trainer.config import ConfigError, parse_config_items


class NanoGPT:
    name = "nanogpt"
    # the hot path: parse.py tries this on raw lines that start with "iter " before any cleaning
    ITER = re.compile(rf"iter (\d+): loss ({NUM}), time ({NUM})ms, mfu ({NUM})%")
    STEP = re.compile(rf"step (\d+): train loss ({NUM}), val loss ({NUM})")
    TOKENS = re.compile(r"tokens per iteration will be: ([\d,]+)")
    PARAMS = re.compile(rf"number of parameters: ({NUM})M")
    VOCAB = re.compile(r"found vocab_size = (\d+)")
    OVERRIDE_FILE = re.compile(r"Overriding config with (.+?):$")
    OVERRIDE_KEY = re.compile(r"Overriding: (\w+) = (.*)$")
    GPT2 = re.compile(r"Initializing from OpenAI GPT-2 weights: (\S+)")
    KNOWN = re.compile(
        r"(Initializing a new model from scratch|defaulting to vocab_size|Resuming training from"
        r"|loading weights from pretrained gpt|forcing vocab_size|overriding dropout rate|num (?:non-)?decayed parameter"
        r"|using fused AdamW|compiling the model|saving checkpoint to|WARNING: using slow attention)"
    )
    # our trainer's one-line errors (trainer/train.py), e.g. `error: loss is nan at iter 120; stopped ...`
    NONFINITE = re.compile(r"error: (?:eval )?loss is (\S+?)\b.*? at iter (\d+)")
    MAX_DUMP_LINES = 400

    def __init__(self):
        self.dump = None  # lines of a config file being echoed after `Overriding config with FILE:`

    @classmethod
    def score(cls, line):
        if cls.ITER.match(line) or cls.STEP.match(line):
            return 3
        if cls.TOKENS.match(line) or cls.PARAMS.match(line) or cls.OVERRIDE_FILE.match(line):
            return 1
        return 0

    def feed(self, line, sink):
        if self.dump is not None:
            if self._dump_line(line, sink):
                return True
        m = self.ITER.match(line) or (self.ITER.search(line) if "iter " in line else None)
        if m:
            sink.record_iter(int(m[1]), num(m[2]), num(m[3]), num(m[4]), loss_text=m[2])
            return True
        m = self.STEP.match(line) or (self.STEP.search(line) if "step " in line else None)
        if m:
            sink.record_eval(int(m[1]), num(m[2]), num(m[3]))
            return True
        m = self.TOKENS.match(line)
        if m:
            sink.header("tokens_per_iter", int(m[1].replace(",", "")), new_run="tokens_per_iter")
            return True
        m = self.OVERRIDE_FILE.match(line)
        if m:
            sink.header("config_file", m[1], new_run="config_file")
            self.dump = []
            return True
        m = self.OVERRIDE_KEY.match(line)
        if m:
            set_config(sink, m[1], literal(m[2]), raw=m[2])
            return True
        m = self.PARAMS.match(line)
        if m:
            value = num(m[1])
            if math.isfinite(value) and value >= 0:
                sink.header("n_params_m", value)
            return True
        m = self.VOCAB.match(line)
        if m:
            sink.header("vocab_size", int(m[1]))
            return True
        m = self.GPT2.match(line)
        if m:
            sink.header("init_from", m[1])
            return True
        m = self.NONFINITE.match(line)
        if m:
            if sink.run.first_nonfinite is None:
                sink.run.first_nonfinite = (int(m[2]), "iter", m[1])
            sink.run.add_event("exception", line)
            return True
        m = self.KNOWN.match(line)
        if m:
            word = m[1]
            if word.startswith("Resuming"):
                sink.header("init_from", "resume")
            elif word.startswith("compiling"):
                sink.header("compile", True)
            elif word.startswith("Initializing a new"):
                sink.header("init_from", "scratch")
            elif word.startswith("defaulting"):
                sink.header("vocab_size", 50304)
            return True
        return False

    def _dump_line(self, line, sink):
        """Read the echoed config file line by line (parsed with ast, never executed);
        the first line that is not a comment or `name = literal` ends it."""
        if len(self.dump) >= self.MAX_DUMP_LINES:
            self.dump = None
            return False
        if not line or line.startswith("#") or line.startswith('"""') or line.startswith("'''"):
            self.dump.append(line)
            return True
        if self.ITER.match(line) or self.STEP.match(line) or self.TOKENS.match(line) or self.OVERRIDE_KEY.match(line):
            self.dump = None
            return False
        try:
            items = parse_config_items(line)
        except (ConfigError, ValueError, RecursionError, MemoryError):
            items = None
        if not items:
            self.dump = None
            return False
        for key, value, _ in items:
            set_config(sink, key, value)
        self.dump.append(line)
        return True

"""llm.c (karpathy/llm.c): the CUDA trainer's console, its -o log file, and the CPU reference trainer.

    train_gpt2.cu  step N/T | loss X (Zz)| norm X (Zz)| lr X | X ms | X% bf16 MFU | X tok/s
                   val loss X                  printed before the step line of the step after it
                   a +----+ table of settings (device, vocab_size V, num_parameters), `allocating
                   N MiB for activations`, and on failure `[CUDA ERROR] at file F:L:` / `out of memory`
    main.log       s:N trl:X lr:X norm:X  /  s:N tel:X  /  s:N eval:X (HellaSwag)
    train_gpt2.c   step N: train loss X (took Y ms), and `val loss X` before it

A NaN loss prints as `loss     nan (+nanz)`. The MFU is against the running GPU's own
peak (llmc/mfu.h), and -100% means llm.c has no peak for that GPU.
"""
import re

from trainer.analyze.formats.base import LogFormat
from trainer.analyze.lines import NUM, first, int_headers, num

NAN = float("nan")


class LlmC(LogFormat):
    """llm.c's console, -o log file and CPU trainer (module docstring)."""
    name = "llmc"
    title = "llm.c"
    first_step = 1           # the console prints step+1
    mfu_sentinel = -100.0    # no peak known for this GPU
    mfu_sentinel_meaning = "unknown_device"
    compiles = False         # a C/CUDA program: its first step is warm-up, not compilation
    RECORD_PREFIXES = ("step ", "s:", "val loss")

    CONSOLE = re.compile(rf"step\s+(\d+)/(\d+)\s*[|:]\s*(?:train )?loss\s+({NUM})")
    CPU = re.compile(rf"step (\d+): train loss ({NUM}) \(took ({NUM}) ms\)")
    VAL = re.compile(rf"val loss ({NUM})$")
    FILE = re.compile(rf"s:(\d+) (trl|tel):({NUM})")
    NORM = re.compile(rf"norm:?\s*({NUM})")
    LR = re.compile(rf"\blr:?\s*({NUM})")
    MS = re.compile(rf"(?:\||\()\s*({NUM}) ms")
    MFU = re.compile(rf"\|\s*({NUM})% bf16 MFU")
    PARAMS = re.compile(r"num_parameters:?\s*\|?\s*(\d+)")
    VOCAB = re.compile(r"vocab_size(?: V)?\s*[:|]\s*(\d+)")
    DEVICE = re.compile(r"\|?\s*device\s*\|\s*(.+?)\s*\|")
    BATCH = re.compile(r"batch_size B=\d+ \* seq_len T=\d+ \* num_processes=\d+ and total_batch_size=(\d+)")
    ALLOC = re.compile(r"allocat(?:ing|ed) \d+ MiB for ")
    OTHER_FILE = re.compile(r"s:\d+ eval:")
    PARTIAL = re.compile(rf"step\s+(\d+)/\d+\s*\|\s*loss\s+({NUM})[\s(|]")

    def __init__(self):
        self.last_printed = None  # last console step number; a `val loss` line belongs to it

    @classmethod
    def score(cls, line):
        if cls.CONSOLE.match(line) or cls.FILE.match(line) or cls.CPU.match(line):
            return 3
        if cls.VAL.match(line) or cls.ALLOC.match(line) or cls.DEVICE.match(line) or cls.BATCH.match(line) \
                or line.startswith("num_parameters"):
            return 1
        return 0

    def feed(self, line, sink):
        m = self.CONSOLE.match(line)
        if m:
            step, rest = int(m[1]), line[m.end():]
            ms, mfu = first(self.MS, rest), first(self.MFU, rest)
            sink.header("max_steps", int(m[2]))
            sink.record_iter(step, num(m[3]), NAN if ms is None else ms, NAN if mfu is None else mfu,
                             lr=first(self.LR, rest), grad_norm=first(self.NORM, rest), loss_text=m[3])
            self.last_printed = step
            return True
        m = self.CPU.match(line)
        if m:
            # train_gpt2.c prints the 0-based step before training it; its `val loss` comes first
            step = int(m[1])
            sink.record_iter(step, num(m[2]), num(m[3]), NAN, loss_text=m[2])
            self.last_printed = step + 1
            return True
        m = self.FILE.match(line)
        if m:
            step, kind, value = int(m[1]), m[2], num(m[3])
            if kind == "tel":
                sink.record_eval(step, NAN, value, train_printed=False)
            else:
                rest = line[m.end():]
                sink.record_iter(step, value, NAN, NAN, lr=first(self.LR, rest), grad_norm=first(self.NORM, rest),
                                 loss_text=m[3])
            return True
        m = self.VAL.match(line)
        if m:
            sink.record_eval(self.last_printed or 0, NAN, num(m[1]), train_printed=False)
            return True
        return self._header(line, sink)

    def _header(self, line, sink):
        m = self.PARAMS.search(line) if "num_parameters" in line else None
        if m:
            sink.header("n_params", int(m[1]))
            return True
        if int_headers(line, sink, ((self.VOCAB, "vocab_size"), (self.BATCH, "tokens_per_iter"))):
            return True
        m = self.DEVICE.match(line)
        if m:
            sink.header("device", m[1])
            return True
        return bool(self.OTHER_FILE.match(line) or self.ALLOC.match(line))

    def partial(self, text):
        m = self.PARTIAL.match(text)
        return (int(m[1]), m[2]) if m else None

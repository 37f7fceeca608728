"""nanochat (karpathy/nanochat), the successor nanoGPT's README points to, and forks built on it.

Lines are read by field name, because the field set changed across versions and forks:

    step 00100/21400 (0.47%) | loss: X | lrm: X | dt: Xms | tok/sec: 1,048,576 | bf16_mfu: X
        | epoch: N pq: P rg: R | total time: Xm | eta: Xm          scripts/base_train.py
    step 00001 (0.31%) | loss: X | lrm: X | dt: Xms | tok/sec: N | mfu: X | total time: Xm
                                                                    scripts/mid_train.py, chat_sft.py
                                                                    (chat_sft adds `epoch: N`)
    Step 00100 | Validation bpb: X                                   every eval, and one after the last step
    Step 00000/00651 | Training loss: X| lrm: X| num_tokens: N       the first chat_sft.py; its val is
    Step 00000 | Validation loss: X                                  a loss, as `Validation loss`
    GPU: NAME | Peak FLOPS (BF16): 9.89e+14                         the peak the MFU divides by
    Total batch size 524,288 => gradient accumulation steps: 1      tokens per step

Forks add `grad norm: X`, split `lrm` into `adam_lrm` / `muon_lrm`, or print `total:` and
`remaining:`. What the numbers mean, checked against scripts/base_train.py at commit
00255c1 (line numbers of that version):

- the train loss is an exponential moving average (beta 0.9), debiased, in nats (L550-552);
  val is in bits per byte (L429), so the two are never compared: no val-below-train, no
  gap, no ln(vocab);
- dt is timed around the training step only (t0 at L511, dt at L546), so it never
  includes an eval;
- base_train runs its loop num_iterations + 1 times (L419): it prints steps
  0 .. N-1 and then evaluates at N, so a complete run ends with `Step N | Validation bpb`;
  mid_train and chat_sft increment the step before printing, so they count from 1 and stop
  when their data runs out (no total);
- MFU divides by the peak of the GPU the header names (L91-95; inf, hence `mfu: 0.00`, on
  CPU and MPS); the first versions divided by a hard-coded 989e12, the H100 SXM's bf16 peak
  (`promised_flops_per_sec_h100` in scripts/mid_train.py at 04e66ea), and print no GPU line;
- torch.compile compiles the model before the first step, so step 0 (or 1) is slow.

Multi-rank runs print their tracebacks once per rank, prefixed `[rankN]:` and interleaved;
lines.clean() strips the prefix and events.py keeps one event.
"""
import math
import re

from trainer.analyze.formats.base import LogFormat
from trainer.analyze.lines import NUM, int_headers, loss_before_cut, num, split_fields
from trainer.hardware import GPU_PEAK_BF16

NAN = float("nan")


class NanoChat(LogFormat):
    """nanochat's base_train, mid_train and chat_sft console (module docstring)."""
    name = "nanochat"
    title = "nanochat"
    eval_train = None
    eval_metric = "bpb"
    first_step = 1
    mfu_reference = ("H100 SXM", GPU_PEAK_BF16["H100 SXM"])  # 989e12 in the first versions
    mfu_sentinel = 0.0                                        # an infinite peak (CPU, MPS) prints 0.00
    mfu_sentinel_meaning = "unknown_device"
    compiles = True
    lr_printed = "multiplier"  # lrm: the schedule's factor on every parameter group's learning rate
    RECORD_PREFIXES = ("step ", "Step ")

    STEP = re.compile(r"[sS]tep\s+(\d+)(?:/(\d+))?\s*(?:\([\d.]+%\))?\s*\|\s*(.*)$")
    EVAL = re.compile(rf"Step\s+(\d+)\s*\|\s*Validation (?:bpb|loss):\s*({NUM})")
    EPOCH = re.compile(r"epoch:\s*\d+(?:\s+pq:\s*\d+\s+rg:\s*\d+)?")
    GPU = re.compile(rf"GPU: (.+?) \| Peak FLOPS \(BF16\): ({NUM})")
    VOCAB = re.compile(r"Vocab size: ([\d,]+)")
    PARAMS = re.compile(r"(?:Number of parameters|total)\s*:\s*([\d,]+)$")
    BATCH = re.compile(r"Total batch size ([\d,]+) => gradient accumulation steps")
    ITERATIONS = re.compile(r"(?:Using user-provided|Calculated) number of iterations[^:]*: ([\d,]+)")
    RESUME = re.compile(r"Resuming optimization from step (\d+)")
    OTHER = re.compile(r"Step\s+\d+\s*\|\s*(?:CORE metric|ChatCORE)|Minimum validation bpb|Peak memory usage"
                       r"|Total training time|Autodetected device type|Model config|Parameter counts")

    @classmethod
    def score(cls, line):
        m = cls.STEP.match(line)
        if m and ("loss:" in m[3] or "Validation" in m[3]):
            return 3
        if cls.GPU.match(line) or cls.VOCAB.match(line) or cls.BATCH.match(line):
            return 1
        return 0

    def feed(self, line, sink):
        m = self.EVAL.match(line)
        if m:
            sink.record_eval(int(m[1]), NAN, num(m[2]), train_printed=False)
            return True
        m = self.STEP.match(line)
        if m and self._step(m, sink):
            return True
        return self._header(line, sink)

    def _step(self, m, sink):
        pieces = [p for p in m[3].split("|") if not self.EPOCH.fullmatch(p.strip())]
        found, bad, _ = split_fields("|".join(pieces), "|")
        loss = found.get("loss") or found.get("training loss")
        dt = found.get("dt")
        if loss is None or bad or (dt is not None and dt[2] != "ms") or (dt is None and "training loss" not in found):
            return False
        mfu = found.get("bf16 mfu") or found.get("mfu")
        lrm = found.get("lrm") or found.get("adam lrm")
        norm = found.get("grad norm")
        if m[2]:
            sink.header("max_steps", int(m[2]))
        sink.record_iter(int(m[1]), loss[0], dt[0] if dt else NAN, mfu[0] if mfu else NAN,
                         lr=lrm[0] if lrm else None, grad_norm=norm[0] if norm else None, loss_text=loss[1])
        return True

    def _header(self, line, sink):
        m = self.GPU.match(line)
        if m:
            sink.header("device", m[1])
            peak = num(m[2])
            if math.isfinite(peak) and peak > 0:
                sink.header("mfu_peak_flops", peak)
                sink.header("device_peak_flops", peak)
            return True
        m = self.BATCH.match(line)
        if m:
            sink.header("tokens_per_iter", int(m[1].replace(",", "")), new_run="tokens_per_iter")
            return True
        if int_headers(line, sink, ((self.VOCAB, "vocab_size"), (self.PARAMS, "n_params"),
                                    (self.ITERATIONS, "max_steps"))):
            return True
        if self.RESUME.match(line):
            sink.mark_resume()
            return True
        return bool(self.OTHER.match(line))

    def partial(self, text):
        m = self.STEP.match(text)
        loss = loss_before_cut(m[3], "|", ("loss", "training loss")) if m else None
        return (int(m[1]), loss) if loss else None

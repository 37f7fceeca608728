"""What a parser extracts from a log: one `Run` per training run, in compact arrays.

A 600,000-iteration log must not become 600,000 Python objects, so every
per-iteration column is an `array('d')` (8 bytes a value) and the text is never
kept. Missing values are NaN; a loss the log itself printed as `nan`/`inf` is
also remembered separately (`first_nonfinite`), because "the log said NaN" and
"this format has no loss column" must not be confused.
"""
import math
from array import array

NAN = float("nan")
MAX_EVENTS = 50  # a crash loop could print thousands of tracebacks; a few tell the story


class AnalyzeError(Exception):
    """Input the analyzer cannot read (empty, binary, another tool's log, bad options).

    The CLI prints it as one `error: ...` line and exits with status 2.
    """


class Run:
    """One training run: iteration records, eval records, what its header said, and events."""

    def __init__(self, index, start_line=1):
        self.index = index
        self.start_line = start_line
        self.iters = array("q")      # iteration number as printed
        self.loss = array("d")       # the training loss printed for that iteration
        self.time_ms = array("d")    # duration of that iteration, as printed (NaN if absent)
        self.mfu = array("d")        # MFU in percent as printed (NaN if absent)
        self.lr = None               # array('d') once any record carries a learning rate
        self.grad_norm = None        # array('d') once any record carries a gradient norm
        self.eval_steps = array("q")
        self.eval_train = array("d")  # NaN where the format prints no train loss at eval time
        self.eval_val = array("d")
        self.header = {}             # tokens_per_iter, n_params, vocab_size, config {}, ...
        self.events = []             # dicts: kind (oom|keyboard|killed|time_limit|exception), step, after, text, frames
        self.first_nonfinite = None  # (step, where, text): where is 'iter' or 'eval'
        self.truncated = None        # a record line cut off mid-way (a copy taken mid-write, a kill), if any
        self.resumes = []            # dicts: step (where the resumed process took over), superseded, previous_end

    # -- building ---------------------------------------------------------------
    def add_iter(self, it, loss, time_ms=NAN, mfu=NAN, lr=None, grad_norm=None, loss_text=None):
        """Append one iteration; lr and grad_norm columns appear on first use."""
        n = len(self.iters)
        self.iters.append(it)
        self.loss.append(loss)
        self.time_ms.append(time_ms)
        self.mfu.append(mfu)
        if lr is not None or self.lr is not None:
            self.lr = _column(self.lr, n, lr)
        if grad_norm is not None or self.grad_norm is not None:
            self.grad_norm = _column(self.grad_norm, n, grad_norm)
        if loss_text is not None and self.first_nonfinite is None and not math.isfinite(loss):
            self.first_nonfinite = (it, "iter", loss_text)

    def add_eval(self, step, train_loss, val_loss, train_printed=True):
        """train_printed=False: this format prints no train loss at eval time (NaN = absent)."""
        self.eval_steps.append(step)
        self.eval_train.append(train_loss)
        self.eval_val.append(val_loss)
        if self.first_nonfinite is None:
            for v, printed in ((train_loss, train_printed), (val_loss, True)):
                if printed and not math.isfinite(v):
                    self.first_nonfinite = (step, "eval", str(v))
                    break

    def add_event(self, kind, text, frames=()):
        """kind: oom, keyboard, killed, time_limit or exception; `after` counts the records before it;
        frames: the function names of the traceback it ended, outermost first."""
        if len(self.events) < MAX_EVENTS:
            self.events.append({"kind": kind, "step": self.last_step, "after": self.n_records,
                                "text": text.strip()[:200], "frames": list(frames)[-12:]})

    def resume_at(self, step):
        """A resumed process takes over from `step`: drop what this run logged from there on
        (the resumed process logs it again) and return how many records that was."""
        keep_iters = sum(1 for it in self.iters if it < step)
        keep_evals = sum(1 for s in self.eval_steps if s < step)
        dropped = len(self.iters) - keep_iters + len(self.eval_steps) - keep_evals
        for col in ("iters", "loss", "time_ms", "mfu", "lr", "grad_norm"):
            arr = getattr(self, col)
            if arr is not None:
                del arr[keep_iters:]
        for col in (self.eval_steps, self.eval_train, self.eval_val):
            del col[keep_evals:]
        if self.first_nonfinite is not None and self.first_nonfinite[0] >= step:
            self.first_nonfinite = None
        for e in self.events:
            e["superseded"] = True  # whatever stopped the first process, the run went on
        return dropped

    # -- reading ----------------------------------------------------------------
    @property
    def n_records(self):
        """Iteration and eval records so far."""
        return len(self.iters) + len(self.eval_steps)

    @property
    def has_data(self):
        """Whether the run has any record."""
        return self.n_records > 0

    @property
    def last_iter(self):
        """The last iteration number, or None."""
        return self.iters[-1] if self.iters else None

    @property
    def last_eval(self):
        """The last eval step, or None."""
        return self.eval_steps[-1] if self.eval_steps else None

    @property
    def last_step(self):
        """The last step of any record, or None."""
        steps = [s for s in (self.last_iter, self.last_eval) if s is not None]
        return max(steps) if steps else None

    def __repr__(self):
        return f"Run(index={self.index}, iters={len(self.iters)}, evals={len(self.eval_steps)})"


def _column(col, n, value):
    """Append value to an optional column, creating it (NaN-filled) on first use."""
    if col is None:
        col = array("d", [NAN]) * n
    col.append(NAN if value is None else value)
    return col

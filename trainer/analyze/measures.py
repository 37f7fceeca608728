"""The measures facts and findings share, computed once per run: numpy views of the records,
the noise scales and thresholds, the steady iteration time, the printed MFU.

Noise (stats.py has the estimators):
- sigma_iter, the noise of one iteration's loss, from the successive differences of the
  last quarter of the iteration losses;
- sigma_eval, the noise of one eval: sigma_iter / sqrt(eval_iters) where an eval averages
  eval_iters batches like the iteration line's (the format says so), else the scatter of
  the last evals around a smooth curve; never below the printing resolution;
- the difference noise sqrt(2) * sigma_eval, the noise of the difference of two evals.
  Every rule that compares two evals calls a change real when it exceeds twice the
  difference noise (`threshold`, about a 95% bound). That is the one noise figure the
  messages quote.
"""
import math

import numpy as np

from trainer import sizing
from trainer.analyze.stats import point_noise, scatter_noise, view

PRINT_RESOLUTION = 1e-4   # nanoGPT prints losses with 4 decimals
SIGMAS = 2.0              # a change is real beyond SIGMAS x the difference noise


class Measures:
    """One run's records as numpy arrays plus the measures several rules and facts use.

    Arrays: iters, loss, time (ms), mfu (percent as printed), ev_steps, ev_train, ev_val.
    Scalars: steady_time_ms, eval_overhead_ms, printed_mfu (percent) and mfu_reference
    ((name, peak FLOP/s) it divides by), iter_noise, eval_noise (+ eval_noise_source),
    diff_noise and threshold (nats, or bits per byte for a bpb metric).
    """

    def __init__(self, run, setup):
        self.run, self.setup, self.fmt = run, setup, setup.fmt
        self.facts = {}  # filled by analysis.analyze() before the rules run
        self.iters = view(run.iters, np.int64)
        self.loss = view(run.loss)
        self.time = view(run.time_ms)
        self.mfu = view(run.mfu)
        self.ev_steps = view(run.eval_steps, np.int64)
        self.ev_train = view(run.eval_train)
        self.ev_val = view(run.eval_val)
        self.ok = np.isfinite(self.loss)
        all_ok = bool(self.ok.all())  # usually: then the views cost nothing
        self.fin_loss = self.loss if all_ok else self.loss[self.ok]
        self.fin_iters = self.iters if all_ok else self.iters[self.ok]
        self.is_eval_iter = np.isin(self.iters, self.ev_steps) if self.iters.size else np.zeros(0, bool)
        self.first_is_start = bool(self.iters.size) and (
            int(self.iters[0]) <= self.fmt.first_step or bool(run.resumes) or "tokens_per_iter" in run.header)
        self._timing()
        self._printed_mfu()
        self.iter_noise = point_noise(self.fin_loss[-max(20, self.fin_loss.size // 4):])
        self.eval_noise, self.eval_noise_source = self._eval_noise()
        self.diff_noise = math.sqrt(2.0) * self.eval_noise
        self.threshold = SIGMAS * self.diff_noise

    def _timing(self):
        valid = np.isfinite(self.time) & (self.time > 0)
        steady = valid & ~self.is_eval_iter if self.fmt.iter_time_includes_eval else valid.copy()
        if steady.size and self.first_is_start:
            steady[0] = False  # the first iteration of a process carries compilation and warm-up
        self.steady = steady
        self.steady_time_ms = float(np.median(self.time[steady])) if steady.sum() >= 3 else None
        self.eval_overhead_ms = None
        if self.fmt.iter_time_includes_eval and self.steady_time_ms is not None:
            later = np.nonzero(self.is_eval_iter & valid)[0]
            later = later[later > 0]
            if later.size:
                self.eval_overhead_ms = max(0.0, float(np.median(self.time[later])) - self.steady_time_ms)

    def _printed_mfu(self):
        fmt, header = self.fmt, self.run.header
        good = np.isfinite(self.mfu) & (self.mfu >= 0)
        if fmt.mfu_sentinel is not None:
            good &= self.mfu != fmt.mfu_sentinel
        self.mfu_valid = good
        self.printed_mfu = float(np.median(self.mfu[good])) if good.any() else None
        if header.get("mfu_peak_flops"):  # the log names the peak it divided by
            self.mfu_reference, self.mfu_reference_fixed = (header.get("device"), header["mfu_peak_flops"]), False
        else:
            self.mfu_reference, self.mfu_reference_fixed = fmt.mfu_reference, fmt.mfu_reference is not None

    def _eval_noise(self):
        """sigma of one eval, and which measurement set it."""
        v = self.ev_val[np.isfinite(self.ev_val)]
        if self.fmt.eval_noise_from_iters and math.isfinite(self.iter_noise):
            sigma, source = self.iter_noise / math.sqrt(self.setup.eval_iters), "iter_loss"
        else:  # the later half only: early evals sit on the steep part of the curve, which is not noise
            sigma, source = scatter_noise(v[v.size // 2:][-12:]), "val_scatter"
        if not (math.isfinite(sigma) and sigma > PRINT_RESOLUTION):
            sigma, source = PRINT_RESOLUTION, "resolution"
        return sigma, source

    # -- shared helpers -------------------------------------------------------------------------
    def vals(self):
        """(steps, val, train) of the evals whose val is finite."""
        keep = np.isfinite(self.ev_val)
        return self.ev_steps[keep], self.ev_val[keep], self.ev_train[keep]

    def iter_loss_near(self, step, half_width):
        """Median iteration loss in a window centred on step (at most half_width each side, narrower
        near the ends of the log so the window stays centred), and how many losses that is."""
        if self.fin_iters.size:
            half_width = max(0, min(half_width, step - int(self.fin_iters[0]), int(self.fin_iters[-1]) - step))
        sel = self.ok & (np.abs(self.iters - step) <= half_width)
        if not sel.any() and self.fin_iters.size:  # no loss within the window: the nearest one
            sel = self.ok & (self.iters == self.fin_iters[np.argmin(np.abs(self.fin_iters - step))])
        n = int(sel.sum())
        return (float(np.median(self.loss[sel])) if n else math.nan), n

    def train_at(self, steps):
        """(train loss at each eval step, its noise, source) for comparing with val, or None when
        this format's train and val are not comparable. Source 'eval': the eval line's own train
        loss; 'iter': the median of the iteration losses around the step (train mode)."""
        if self.fmt.eval_train is None:
            return None
        keep = np.isin(self.ev_steps, steps)
        t = self.ev_train[keep] if self.fmt.eval_train == "eval_mode" else np.full(len(steps), math.nan)
        if t.size and np.isfinite(t).all():
            return t, self.eval_noise, "eval"
        gap = int(np.median(np.diff(steps))) if len(steps) > 1 else max(1, self.setup.log_interval * 5)
        near = [self.iter_loss_near(int(s), max(1, gap // 2)) for s in steps]
        t = np.array([x for x, _ in near])
        n = max(1, min((k for _, k in near), default=1))
        sigma = self.iter_noise / math.sqrt(n) if math.isfinite(self.iter_noise) else self.eval_noise
        return t, sigma, "iter"

    def lr_at(self, step):
        """The learning rate at step: the config's schedule (nanoGPT's get_lr), or the value
        the log printed there (a multiplier for formats that print one), or None."""
        cfg = self.setup.cfg
        if cfg is not None and self.fmt.max_steps_from == "config":
            return sizing.get_lr(step, cfg.learning_rate, cfg.warmup_iters, cfg.lr_decay_iters, cfg.min_lr,
                                 cfg.decay_lr, cfg.lr_schedule)
        lr = self.run.lr
        if lr is not None and self.iters.size:
            i = min(int(np.searchsorted(self.iters, step)), self.iters.size - 1)
            return lr[i] if math.isfinite(lr[i]) else None
        return None

    def lr_state(self, step):
        """'decaying' while the schedule still has most of its way down to go, 'done' when it has
        reached its floor or is constant, None when the log does not tell."""
        cfg = self.setup.cfg
        if cfg is not None and self.fmt.max_steps_from == "config":
            if not cfg.decay_lr or step >= cfg.lr_decay_iters:
                return "done"
            return "decaying" if self.lr_at(step) >= 2 * cfg.min_lr else "done"
        lr = view(self.run.lr) if self.run.lr is not None else None
        if lr is None or not np.isfinite(lr).any():
            return None
        now, peak = self.lr_at(step), float(np.nanmax(lr))
        if now is None or peak <= 0:
            return None
        end = self.setup.max_steps
        return "decaying" if (now >= 0.5 * peak and end and step < end) else "done"

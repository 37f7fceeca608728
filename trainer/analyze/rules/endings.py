"""How a run ended: out of memory, interrupted (Ctrl-C, killed, a time limit, a crash, or a log
that stops early), a last line cut off mid-way, and a resume from a checkpoint.

Events come from events.py. The phase of an out-of-memory error is read from the
traceback when there is one (a frame in estimate_loss or evaluate_bpb means it
happened while evaluating), else from whether any record came before it.
"""
from dataclasses import dataclass, field
from typing import Optional

from trainer.analyze.events import eval_frame
from trainer.analyze.messages import step, text
from trainer.analyze.registry import Found, Mark, finding
from trainer.i18n import fmt_int, fmt_pct

TRAINING_FRAMES = ("forward", "backward", "_call_impl", "step")


@dataclass
class OomEvidence:
    """An out-of-memory error: the last step before it, the phase and how it was known, its text and traceback
    frames, a batch size suggestion."""
    step: Optional[int]
    phase: str                  # startup, training, eval, unknown
    phase_source: str           # 'traceback' or 'log'
    text: str
    count: int
    continued: bool             # records came after it (a retry, another config)
    frames: list = field(default_factory=list)
    batch_size: Optional[int] = None
    gradient_accumulation_steps: Optional[int] = None
    suggested_batch_size: Optional[int] = None
    suggested_accumulation: Optional[int] = None


def _oom_message(ev, variant, lang):
    suggest = ""
    if ev.suggested_batch_size:
        suggest = text("oom.suggest", lang, bs=fmt_int(ev.batch_size, lang), new_bs=fmt_int(ev.suggested_batch_size, lang),
                       ga=fmt_int(ev.gradient_accumulation_steps, lang), new_ga=fmt_int(ev.suggested_accumulation, lang))
    frame = eval_frame(ev.frames) or ""
    at = text("at.after", lang, step=step(ev.step, lang)) if ev.step is not None else text("at.unknown", lang)
    return text(f"oom.{variant}", lang, at=at, text=ev.text, suggest=suggest, frame=frame)


def _phase(e, run):
    frames = e.get("frames") or []
    if eval_frame(frames):
        return "eval", "traceback"
    if e["after"] > 0:
        return "training", "log"
    if any(f in TRAINING_FRAMES for f in frames):
        return "training", "traceback"
    return ("startup", "log") if run.header else ("unknown", "log")


@finding("oom", "error", OomEvidence, message=_oom_message,
         mark=lambda ev: Mark("line", ev.step) if ev.step is not None else None)
def oom(d):
    """The log shows a CUDA (or host) out-of-memory error."""
    events = [e for e in d.run.events if e["kind"] == "oom" and not e.get("superseded")]
    if not events:
        return None
    e = events[0]
    phase, source = _phase(e, d.run)
    ev = OomEvidence(e["step"], phase, source, e["text"], len(events), events[-1]["after"] < d.run.n_records,
                     list(e.get("frames") or []))
    cfg = d.setup.cfg
    if cfg is not None and cfg.batch_size > 1:
        ev.batch_size, ev.gradient_accumulation_steps = cfg.batch_size, cfg.gradient_accumulation_steps
        ev.suggested_batch_size = cfg.batch_size // 2
        ev.suggested_accumulation = cfg.gradient_accumulation_steps * cfg.batch_size // (cfg.batch_size // 2)
    return Found(ev, [] if e["step"] is None else [int(e["step"])], phase)


@dataclass
class InterruptedEvidence:
    """How the run stopped (keyboard, killed, time_limit, exception, incomplete), where, and the progress for an
    incomplete log."""
    kind: str                   # keyboard, killed, time_limit, exception, incomplete
    step: Optional[int]
    text: Optional[str] = None
    max_steps: Optional[int] = None
    progress: Optional[float] = None


SEVERITY = {"keyboard": "warning", "time_limit": "warning", "killed": "error", "exception": "error",
            "incomplete": "info"}


def _at(ev, lang):
    return text("at.before", lang) if ev.step is None else text("at.after", lang, step=step(ev.step, lang))


def _interrupted_message(ev, variant, lang):
    if variant == "incomplete":
        return text("interrupted.incomplete", lang, step=step(ev.step, lang), progress=fmt_pct(100 * ev.progress, lang, 1),
                    max_steps=step(ev.max_steps, lang))
    return text(f"interrupted.{variant}", lang, at=_at(ev, lang), text=ev.text or "")


@finding("interrupted", "error", InterruptedEvidence, message=_interrupted_message,
         mark=lambda ev: Mark("line", ev.step) if ev.step is not None else None)
def interrupted(d):
    """The run ended with Ctrl-C, a kill, a time limit or a crash, or the log stops before the last step without
    saying why."""
    run = d.run
    ending = [e for e in run.events if e["after"] == run.n_records and not e.get("superseded")]
    if any(e["kind"] == "oom" for e in ending):
        return None  # the oom finding already says why the run stopped
    if ending:
        e = ending[-1]
        ev = InterruptedEvidence(e["kind"], e["step"], e["text"])
        return Found(ev, [] if e["step"] is None else [int(e["step"])], e["kind"], SEVERITY[e["kind"]])
    last, end = run.last_step, d.setup.max_steps
    if last is not None and end and last + max(1, d.setup.log_interval) <= end and not run.truncated:
        ev = InterruptedEvidence("incomplete", int(last), max_steps=int(end), progress=last / end)
        return Found(ev, [int(last)], "incomplete", SEVERITY["incomplete"])
    return None


@dataclass
class TruncatedEvidence:
    """The cut-off line and the last step before it."""
    line: str
    step: Optional[int]


@finding("truncated", "info", TruncatedEvidence,
         message=lambda ev, variant, lang: text("truncated", lang, line=ev.line),
         mark=lambda ev: Mark("line", ev.step) if ev.step is not None else None)
def truncated(d):
    """A record line is cut off mid-way (a copy taken mid-write, a kill in the middle of a line)."""
    if d.run.truncated is None:
        return None
    last = d.run.last_step
    return Found(TruncatedEvidence(d.run.truncated, last), [] if last is None else [int(last)])


@dataclass
class ResumedEvidence:
    """Where a resumed process took over, how many earlier records it replaced, how the earlier process ended."""
    step: int                   # where the resumed process took over
    superseded: int             # records the earlier process had logged from there on, replaced
    count: int                  # resumes in this run
    previous_end: Optional[str] = None  # how the earlier process stopped: killed, keyboard, ...


def _resumed_message(ev, variant, lang):
    how = text(f"resumed.end.{ev.previous_end}", lang) if ev.previous_end else ""
    return text("resumed", lang, step=step(ev.step, lang), superseded=fmt_int(ev.superseded, lang), how=how,
                count=fmt_int(ev.count, lang))


@finding("resumed", "info", ResumedEvidence, message=_resumed_message, mark=lambda ev: Mark("line", ev.step))
def resumed(d):
    """A process resumed this run from a checkpoint; its records replace the earlier ones from that step on."""
    resumes = d.run.resumes
    if not resumes:
        return None
    r = resumes[-1]
    return Found(ResumedEvidence(r["step"], r["superseded"], len(resumes), r["previous_end"]),
                 [x["step"] for x in resumes])

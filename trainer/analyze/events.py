"""How a run ends or fails, read from the lines no format claims: tracebacks, out-of-memory
errors, Ctrl-C, kills and a scheduler's time limit. Shared by every format.

An event is a dict on the run (records.Run.add_event): kind (oom, keyboard, killed,
time_limit, exception), the last step logged before it, how many records came before
it, its text, and for an error inside a Python traceback the function names of the
traceback's frames, which say in which phase it happened (an OOM under estimate_loss
or evaluate_bpb happened during evaluation).
"""
import re

OOM = re.compile(r"out of memory|OutOfMemoryError|can't allocate memory|CUBLAS_STATUS_ALLOC_FAILED", re.I)
KEYBOARD = re.compile(r"KeyboardInterrupt\b")
KILLED = re.compile(r"^(?:Killed|Terminated)\b|\bSIG(?:KILL|TERM)\b|exitcode\s*:\s*-(?:9|15)\b")
# Slurm (`*** JOB 42 ON node CANCELLED AT ... DUE TO TIME LIMIT ***`), PBS (`PBS: job killed: walltime
# ... exceeded limit`) and LSF (`TERM_RUNLIMIT: job killed after reaching LSF run time limit`)
TIME_LIMIT = re.compile(r"DUE TO TIME LIMIT|PBS: job killed: walltime|TERM_RUNLIMIT")
# a scheduler's or the kernel's message that can land in the middle of a half-written line
MIDLINE = re.compile(r"slurmstepd: error:|\*\*\* (?:JOB|STEP) \S+ ON \S+ CANCELLED|=>> PBS: job killed|TERM_RUNLIMIT")
EXCEPTION = re.compile(r"((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception))(?::|$)")
TRACEBACK = "Traceback (most recent call last)"
FRAME = re.compile(r'File "[^"]*", line \d+, in (\S+)')
MAX_FRAMES = 40
# frames that evaluate rather than train: nanoGPT's estimate_loss, nanochat's evaluate_bpb /
# evaluate_core, llm.c-style gpt2_validate, and the eval/validate helpers of forks
EVAL_FRAME = re.compile(r"estimate_loss|(?:^|_)(?:eval|evaluate|validate|validation)(?:_|$)|^evaluate|^validate", re.I)


def eval_frame(names):
    """The first frame function that evaluates (see EVAL_FRAME), or None."""
    return next((n for n in names if EVAL_FRAME.search(n)), None)


class EventWatch:
    """Turns unclaimed lines into events on the sink's current run."""

    def __init__(self):
        self.in_traceback = False
        self.frames = []

    def line(self, text, sink):
        """Look at one unclaimed, cleaned line; record an event on sink.run if it is one."""
        if text.startswith(TRACEBACK):
            self.in_traceback, self.frames = True, []
            return
        m = FRAME.match(text)
        if m and self.in_traceback:
            if len(self.frames) < MAX_FRAMES:
                self.frames.append(m[1])
            return
        if OOM.search(text):
            self._event(sink, "oom", text)
        elif KEYBOARD.match(text) or text == "error: interrupted":
            self._event(sink, "keyboard", text)
            self.in_traceback = False
        elif TIME_LIMIT.search(text):
            self._event(sink, "time_limit", text)
        elif KILLED.search(text):
            self._event(sink, "killed", text)
        elif (self.in_traceback and EXCEPTION.match(text)) or text.startswith("error: "):
            self._event(sink, "exception", text)  # a traceback's last line, or our trainer's `error: ...`
            self.in_traceback = False

    def _event(self, sink, kind, text):
        run = sink.run
        events = run.events
        # one event per crash: DDP prints the same traceback once per rank, an OOM traceback
        # mentions the OOM several times, and torchrun then kills the other ranks
        if events and events[-1]["after"] == run.n_records and (
                events[-1]["kind"] == kind or kind in ("exception", "killed") or events[-1]["kind"] == "time_limit"):
            if self.frames and not events[-1].get("frames"):
                events[-1]["frames"] = list(self.frames)
            return
        run.add_event(kind, text, frames=list(self.frames) if self.in_traceback else [])

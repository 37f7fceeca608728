"""The run's console: stdout teed into out_dir/train.log, and the one-line `error: ...`.

train.log is the console transcript, byte for byte what a nanoGPT user would
see on screen, so the analyzer reads our logs and theirs alike. The tee is
installed as sys.stdout for the whole run, so that what the model and the
optimizer print lands in the log too.
"""
import os
import sys

LOG_NAME = 'train.log'


class ConsoleTee:
    """A stdout stand-in that also appends every line to train.log.

    Lines written before the log can be opened (the config echo and the header,
    printed before out_dir is known to be safe to touch) are held and written
    first. keep_log=False (DDP ranks other than 0) prints to the console only.
    """

    def __init__(self, stream, keep_log=True):
        self.stream = stream
        self.keep_log = keep_log
        self.file = None
        self.pending = []

    def open(self, path, append):
        """Start writing train.log at `path`: appended to on resume, else replaced."""
        if not self.keep_log:
            return
        torn = append and _ends_mid_line(path)  # a SIGKILL can cut the last line short
        self.file = open(path, 'a' if append else 'w', encoding='utf-8')
        self.file.write(('\n' if torn else '') + ''.join(self.pending))
        self.file.flush()
        self.pending = []

    def stop_logging(self):
        """From now on, the console only (a DDP rank that is not rank 0)."""
        self.keep_log = False
        self.pending = []

    def write(self, text):
        n = self.stream.write(text)
        if self.file is not None:
            self.file.write(text)
            if '\n' in text:
                self.file.flush()  # a killed run keeps every complete line
        elif self.keep_log:
            self.pending.append(text)
        return n

    def log_only(self, text):
        """Write to train.log alone (the error line, which goes to stderr on the console)."""
        if self.file is not None:
            self.file.write(text)
            self.file.flush()

    def flush(self):
        self.stream.flush()
        if self.file is not None:
            self.file.flush()

    def isatty(self):
        return self.stream.isatty()

    @property
    def encoding(self):
        return getattr(self.stream, 'encoding', 'utf-8')

    def fileno(self):
        return self.stream.fileno()

    def close(self):
        if self.file is not None:
            self.file.close()
            self.file = None


def _ends_mid_line(path):
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return False
    with open(path, 'rb') as f:
        f.seek(-1, os.SEEK_END)
        return f.read(1) != b'\n'


def print_error(message, console=None):
    """The one-line `error: ...` on stderr, and in train.log when it is open."""
    line = f"error: {message}\n"
    sys.stderr.write(line)
    sys.stderr.flush()
    if console is not None:
        console.log_only(line)

"""nanoGPT's echo of its config file, read leniently and never executed.

nanoGPT's configurator prints the config file it was given, right after
`Overriding config with FILE:`. Config files are Python: most lines are
`name = literal`, but some are not. nanoGPT's stock fine-tuning config starts
with `import time` and builds `wandb_run_name` from a call. A log reader that
stopped at such a line would lose every setting after it, then fall back on
defaults and misstate tokens per iteration, the LR, progress and MFU.

So each echoed line is looked at on its own: a literal assignment (arithmetic on
literals included, as trainer.config reads it) is kept; any other Python
statement is skipped and remembered, so the report can say which lines it did
not use; the first line that is not Python at all ends the echo. Nothing is ever
executed: lines are only parsed (ast). Config files given to the trainer stay
strict (trainer/config.py): this leniency is for reading logs only.
"""
import ast

from trainer.config import ConfigError, parse_config_items

MAX_ECHO_LINES = 400
MAX_SKIPPED = 20


class ConfigEcho:
    """Reads the lines after `Overriding config with FILE:` until the echo ends."""

    def __init__(self):
        self.lines = 0

    def feed(self, line, sink, set_config):
        """True if the line belongs to the echoed file (used or skipped); False ends the echo."""
        self.lines += 1
        if self.lines > MAX_ECHO_LINES:
            return False
        if not line or line.startswith("#"):
            return True
        try:
            items = parse_config_items(line) if _literal_only(line) else None
        except (ConfigError, ValueError, RecursionError, MemoryError):
            items = None
        if items:
            for key, value, _ in items:
                set_config(sink, key, value)
            return True
        if _is_python(line):
            skipped = sink.run.header.setdefault("config_skipped", [])
            if len(skipped) < MAX_SKIPPED:
                skipped.append(line[:200])
            return True
        return False


def _literal_only(line):
    """Whether a line is `name = value` with no call and no other name in the value (arithmetic on
    literals, as `5 * 8`, is fine): `'ft-' + str(time.time())` is not a literal, whatever it evaluates to."""
    try:
        tree = ast.parse(line)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Assign):
        return False
    return not any(isinstance(n, (ast.Call, ast.Name, ast.Attribute)) for n in ast.walk(tree.body[0].value))


def _is_python(line):
    """Whether one line is a complete Python statement that is not an expression
    (log lines such as `number of parameters: 10.65M` are not Python at all)."""
    try:
        tree = ast.parse(line)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return bool(tree.body) and not isinstance(tree.body[0], ast.Expr)

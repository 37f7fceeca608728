"""`python -m trainer analyze LOG [options]` (also `plateau analyze`).

Bad input (an empty or binary file, another tool's log, a bad option) prints one
`error: ...` line and exits with status 2; there is never a traceback.
"""
import argparse
import os
import sys

from trainer.analyze.formats import FORMATS
from trainer.analyze.records import AnalyzeError
from trainer.atomic import atomic_file
from trainer.i18n import LANGS


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise AnalyzeError(message)


def build_parser():
    """The argparse parser of `plateau analyze`; its errors raise AnalyzeError."""
    p = _Parser(prog="plateau analyze", description="Diagnose a nanoGPT-style training log.")
    p.add_argument("log", help="the training log ('-' reads stdin)")
    p.add_argument("--config", metavar="CONFIG.py", help="the run's nanoGPT config file (parsed, never executed)")
    data = p.add_mutually_exclusive_group()
    data.add_argument("--data-tokens", metavar="N", help="tokens in the training split, for epochs (e.g. 9035582198 or 9e9)")
    data.add_argument("--data-dir", metavar="DIR", help="a nanoGPT data dir; train.bin gives the token count")
    p.add_argument("--device-name", metavar="NAME", help="the GPU that ran it (e.g. 'RTX 4070', 'H100 SXM'), "
                   "to re-normalize nanoGPT's A100-relative MFU")
    p.add_argument("--format", default="text", choices=("text", "markdown", "json"), help="output format")
    p.add_argument("--plot", metavar="OUT.svg", help="also draw train/val loss with the findings marked")
    p.add_argument("--lang", default="en", choices=LANGS, help="language of the messages")
    p.add_argument("--format-hint", choices=tuple(FORMATS), help="skip auto-detection: the log's format")
    p.add_argument("--out", metavar="FILE", help="write the report to FILE instead of stdout")
    return p


def parse_tokens(text):
    """'9035582198', '9_035_582_198', '9,035,582,198' or '9e9' -> int."""
    cleaned = text.replace(",", "").replace("_", "").strip()
    try:
        value = int(cleaned)
    except ValueError:
        try:
            value = float(cleaned)
        except ValueError:
            raise AnalyzeError(f"--data-tokens must be a number of tokens, got {text!r}") from None
        if not (value == value and value != float("inf") and value.is_integer()):
            raise AnalyzeError(f"--data-tokens must be a whole number of tokens, got {text!r}")
        value = int(value)
    if value <= 0:
        raise AnalyzeError(f"--data-tokens must be positive, got {text!r}")
    return value


def run(args, stdout):
    """Analyze args.log and write the report to args.out or stdout (and the plot); AnalyzeError for bad input."""
    from trainer.analyze import report
    from trainer.analyze.analysis import analyze
    data_tokens = parse_tokens(args.data_tokens) if args.data_tokens is not None else None
    if args.plot and not args.plot.lower().endswith(".svg"):
        raise AnalyzeError(f"--plot writes an SVG file; give a name ending in .svg, not {args.plot!r}")
    analysis = analyze(args.log, config=args.config, data_tokens=data_tokens, data_dir=args.data_dir,
                       device_name=args.device_name, format_hint=args.format_hint)

    def write(f):
        if args.format == "json":
            report.write_json(analysis, f, args.lang)
        elif args.format == "markdown":
            f.write(report.to_markdown(analysis, args.lang))
        else:
            color = args.out is None and hasattr(f, "isatty") and f.isatty() and not os.environ.get("NO_COLOR")
            f.write(report.to_text(analysis, args.lang, color=color))

    if args.plot:
        from trainer import plots
        from trainer.analyze.plot import draw
        try:
            draw(analysis, args.plot, args.lang)
        except (plots.FontError, OSError) as e:
            raise AnalyzeError(f"cannot draw {args.plot}: {e}") from None
    if args.out:
        try:
            with atomic_file(args.out, "w") as f:
                write(f)
        except OSError as e:
            raise AnalyzeError(f"cannot write {args.out}: {e.strerror or e}") from None
    else:
        write(stdout)
    return 0


def main(argv=None):
    """Entry point: parse argv, run, print one `error: ...` line and return 2 on bad input."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if any(a in ("-h", "--help") for a in argv):
        parser.print_help()
        return 0
    try:
        return run(parser.parse_args(argv), sys.stdout)
    except AnalyzeError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `plateau analyze LOG | head`
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0


if __name__ == "__main__":
    raise SystemExit(main())

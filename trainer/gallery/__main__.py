"""`python -m trainer.gallery {run,status,check,claims}`: the runner behind `make figures`."""
import argparse
import json
import os
import sys

from trainer.gallery import runner
from trainer.gallery.layout import DEFAULT_PROFILE, PROFILES, GalleryError, Layout, find_repo


def build_parser():
    p = argparse.ArgumentParser(prog='python -m trainer.gallery',
                                description='Run the gallery experiments (gallery/*.py) and render their '
                                            'figures, tables and values in every language.')
    sub = p.add_subparsers(dest='command', required=True)

    def common(sp):
        sp.add_argument('--profile', choices=PROFILES, default=os.environ.get('PROFILE') or DEFAULT_PROFILE,
                        help='cpu (committed, default), gpu (larger runs), smoke (seconds; writes under build/)')
        sp.add_argument('--root', help='repository root holding gallery/ (default: found from the current folder)')
        sp.add_argument('--out', help='output root (default: the repository; build/gallery-smoke for smoke)')
        sp.add_argument('--only', action='append', metavar='NAME',
                        help='only this experiment (repeatable, or comma-separated)')

    r = sub.add_parser('run', help='run the stale experiments and promote their outputs')
    common(r)
    r.add_argument('--force', action='store_true', help='rerun the selected experiments, retraining their runs')
    r.add_argument('--no-progress', action='store_true', help='no progress bar')
    s = sub.add_parser('status', help='which experiments are stale, how long they took, what they wrote')
    common(s)
    s.add_argument('--json', action='store_true', help='one JSON list, an object per experiment')
    c = sub.add_parser('check', help='re-render from committed run data and compare with the committed outputs')
    common(c)
    c.add_argument('--jobs', type=int, default=2, help='experiments re-rendered in parallel (default 2)')
    k = sub.add_parser('claims', help="every experiment's claims: whether each holds, its value and spread")
    common(k)
    k.add_argument('--json', action='store_true',
                   help='one JSON list of {experiment, name, holds, value, spread, seeds, values, test, says}')
    return p


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        only = [n for item in args.only or () for n in item.split(',') if n] or None
        repo = args.root or find_repo()
        layout = Layout(repo, args.profile, out=args.out)
        if args.command == 'run':
            return runner.run(layout, only=only, force=args.force, progress=not args.no_progress)
        if args.command == 'status':
            entries = runner.status(layout)
            if only:
                entries = [e for e in entries if e['name'] in only]
            if args.json:
                print(json.dumps(entries, indent=1, ensure_ascii=False))
            else:
                for e in entries:
                    seconds = f"{e['seconds']:.1f}s" if e['seconds'] is not None else '-'
                    print(f"{e['name']:<28} {'STALE' if e['stale'] else 'fresh':<6} {seconds:>8}  "
                          f"{e['device'] or '-'}  ({e['reason']})")
            return 0
        if args.command == 'claims':
            return _claims(runner.claim_list(layout, only), args.json)
        return runner.check(layout, only=only, jobs=args.jobs)
    except GalleryError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted; outputs of the unfinished experiment are unchanged", file=sys.stderr)
        return 130


def _claims(records, as_json):
    """Print the claims; exit 1 if any does not hold."""
    if as_json:
        print(json.dumps(records, indent=1, ensure_ascii=False))
    else:
        for c in records:
            seeds = f"{len(c['seeds'])} seeds" if c['seeds'] else 'no seeds'
            print(f"{'holds ' if c['holds'] else 'FAILS '} {c['experiment']}.{c['name']}: {c['value']:.6g} "
                  f"(spread {c['spread']:.3g}, {seeds}; {c['test']})  {c['says']}")
    return 0 if all(c['holds'] for c in records) else 1


if __name__ == '__main__':
    sys.exit(main())

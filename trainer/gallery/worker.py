"""A training worker: `python -m trainer.gallery.worker`, started by trainer/gallery/training.py.

It reads one TrainConfig dict per line on stdin, trains it with
trainer.train.run() (the console goes to out_dir/train.log only), and answers
{"rc": exit code, "seconds": wall time} on stdout, one line per job, until
stdin closes. $PLATEAU_TORCH_THREADS, set by the parent, fixes torch's thread
count before the first run.
"""
import io
import json
import os
import sys
import time


def main():
    threads = os.environ.get('PLATEAU_TORCH_THREADS')
    import torch
    if threads:
        torch.set_num_threads(int(threads))
    from trainer.config import ConfigError, from_dict
    from trainer.train import run
    channel, sys.stdout = sys.stdout, sys.stderr  # stray prints go to the log, never into the channel
    for line in sys.stdin:
        t0 = time.perf_counter()
        try:
            cfg = from_dict(json.loads(line), strict=True)
        except (ValueError, ConfigError) as e:
            print(f"error: bad job: {e}", file=sys.stderr)
            rc = 2
        else:
            rc = run(cfg, console=io.StringIO())
        channel.write(json.dumps({'rc': rc, 'seconds': round(time.perf_counter() - t0, 3)}) + '\n')
        channel.flush()


if __name__ == '__main__':
    main()

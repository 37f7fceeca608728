"""trainer/metrics.py: strict JSON lines, a torn last line skipped, a resume keeps what came before."""
import json
import math

from trainer.metrics import MetricsWriter, dumps, read_records


def test_nonfinite_floats_are_null_and_every_line_is_strict_json():
    line = dumps({'kind': 'iter', 'loss': math.nan, 'x': (1.0, math.inf), 'grad_norm': 0.1})
    assert json.loads(line) == {'kind': 'iter', 'loss': None, 'x': [1.0, None], 'grad_norm': 0.1}


def test_a_resume_drops_what_the_resumed_run_recomputes(tmp_path):
    path = tmp_path / 'metrics.jsonl'
    w = MetricsWriter(path)
    for record in ({'kind': 'config'}, {'kind': 'eval', 'iter': 0}, {'kind': 'iter', 'iter': 9},
                   {'kind': 'iter', 'iter': 10}, {'kind': 'iter', 'iter': 11}):
        w.write(record)
    w.close()
    with open(path, 'a') as f:
        f.write('{"kind": "iter", "it')  # killed mid-line
    assert [r.get('iter') for r in read_records(path)] == [None, 0, 9, 10, 11]
    w = MetricsWriter(path, resume_iter=10)  # the checkpoint was at 10
    w.write({'kind': 'config'})
    w.close()
    assert [(r['kind'], r.get('iter')) for r in read_records(path)] == [
        ('config', None), ('eval', 0), ('iter', 9), ('config', None)]

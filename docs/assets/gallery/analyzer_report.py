"""What does the analyzer report on a real training run?

The pages show the analyzer on the case study's reconstructed log; here it reads a log our
trainer really wrote: a single-shard run that trains for dozens of epochs over
a small slice of Shakespeare, overfits, and is evaluated along the way. We run
`plateau analyze` on its train.log exactly as a reader would, in each output
format (markdown, terminal text, JSON) and with its plot, and show what it says.
"""
import contextlib
import io
import json

from trainer import plot_fit
from trainer.analyze import analyze
from trainer.analyze.cli import build_parser, run as run_cli
from trainer.analyze.plot import draw_on
from trainer.gallery import Experiment

exp = Experiment(__file__)

# A single run, shown once (seed 1337, nanoGPT's): the page reads what the analyzer prints, not a
# comparison between runs. No gpu variant: the gpu profile trains the case study's model elsewhere.
P = exp.settings({
    'cpu': dict(num_shards=256, model=dict(n_layer=4, n_head=4, n_embd=128, block_size=64, batch_size=16),
                max_iters=1200, eval_interval=100, eval_iters=40),
    'smoke': dict(num_shards=64, model=dict(n_layer=1, n_head=2, n_embd=32, block_size=32, batch_size=4),
                  max_iters=60, eval_interval=20, eval_iters=4),
})

group = exp.train('one_shard', exp.data('shakespeare_char', shards=1, num_shards=P['num_shards']), **P['model'],
                  gradient_accumulation_steps=1, dropout=0.0, learning_rate=1e-3, min_lr=1e-4,
                  max_iters=P['max_iters'], lr_decay_iters=P['max_iters'], warmup_iters=P['max_iters'] // 20,
                  eval_interval=P['eval_interval'], eval_iters=P['eval_iters'], log_interval=10)
run = group.first

# %% The command a reader would type; the log's path is where the gallery keeps the run.
log_name = f"{exp.layout.run_dir(exp.name, group.name, run.seed)}/train.log"
args = [log_name, '--data-tokens', str(run.header['train_tokens'])]
analysis = analyze(run.log_path, data_tokens=run.header['train_tokens'])
(result,) = analysis.runs


def cli_output(*extra, lang='en'):
    """`plateau analyze` run in-process on the real log, its stdout captured."""
    parsed = build_parser().parse_args([str(run.log_path), *args[1:], *extra, '--lang', lang])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_cli(parsed, out)
    return out.getvalue()


def fragment(markdown):
    """The report's headings become bold lines: a page fragment brings no headings into the page's outline."""
    return '\n'.join(f"**{l.lstrip('#').strip()}**" if l.startswith('#') else l for l in markdown.splitlines())


@exp.render
def render(r):
    with r.figure('report', main=True) as (fig, ax):
        draw_on(ax, analysis, r.lang)
        ax.set_title(r.t('analyzer_report.plot_title'))
        plot_fit.labels_above(ax)  # the finding codes, drawn across the curves, go above them

    shown = ' '.join(args + ['--format', 'markdown', '--plot', 'report.svg'] + (['--lang', r.lang] if r.lang != 'en' else []))
    r.markdown('command', f'```bash\nplateau analyze {shown}\n```')
    r.markdown('report', fragment(cli_output('--format', 'markdown', lang=r.lang)))
    text = cli_output('--format', 'text', lang=r.lang).splitlines()
    r.markdown('text', '```text\n' + '\n'.join(text[:24]) + ('\n…' if len(text) > 24 else '') + '\n```')

    # %% The JSON document, cut down to a few entries of each list so the structure shows.
    doc = json.loads(cli_output('--format', 'json', lang=r.lang))
    one = doc['runs'][0]
    facts = {k: one['facts'][k] for k in ('tokens_per_iter', 'data_tokens', 'tokens_seen', 'epochs') if k in one['facts']}
    dump = lambda x: json.dumps(x, ensure_ascii=False)  # noqa: E731
    lines = ['{"format": %s, "runs": [{' % dump(doc['format'])]
    lines += [f'  "{key}": [{", ".join(dump(x) for x in one[key][:2])}, …],' for key in ('iters', 'evals')]
    lines += [f'  "findings": [{dump(one["findings"][0])}, …],' if one['findings'] else '  "findings": [],',
              f'  "facts": {{{", ".join(f"{dump(k)}: {dump(x)}" for k, x in facts.items())}, …}}', '}]}']
    r.markdown('json', '```json\n' + '\n'.join(lines) + '\n```')

    r.value('n_findings', len(result.findings), 'int')
    r.text_value('run_name', log_name, f'`{log_name}`')

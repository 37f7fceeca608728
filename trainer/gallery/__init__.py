"""The gallery: one script per question in gallery/, rerun by `make figures`.

An experiment script reads top to bottom, like a sphinx-gallery example:

    \"\"\"Does training many epochs on one shard overfit? ...\"\"\"
    from trainer.gallery import Experiment

    exp = Experiment(__file__)                  # name = file stem; profile from $PROFILE
    PROFILES = {'cpu': dict(iters=600), 'gpu': dict(iters=5000), 'smoke': dict(iters=20)}
    cfg = PROFILES[exp.profile]

    data = exp.data('shakespeare_char', shards=1, num_shards=8)   # prepared on first use
    one = exp.train('one_shard', data, max_iters=cfg['iters'], n_layer=4, ...)  # or reused

    @exp.render                                 # once per language; reads run data only
    def render(r):
        with r.figure('val_loss') as (fig, ax):
            ax.plot(*one.series('val_loss'), label=r.t('val'))
            ax.set_xlabel(r.t('iteration'))
        r.table('evidence', [r.t('iteration'), r.t('val_loss')], [[it, r.num(v, 4)] for it, v in ...])
        r.value('best_val', best, r.num(best, 4))

`exp.train` skips training when the committed run data in
gallery/runs/<name>/<run>/ has the same key (config, data, numerics code), so
a change of presentation re-renders in seconds. See experiment.py (the script
side), render.py (`r`), runner.py (`python -m trainer.gallery run|status|check`).
"""
from trainer.gallery.experiment import Experiment
from trainer.gallery.layout import PROFILES, GalleryError

__all__ = ['Experiment', 'GalleryError', 'PROFILES']

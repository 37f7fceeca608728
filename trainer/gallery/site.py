"""Site fragments the runner writes from the manifest, in every language.

    snippets/<lang>/<name>/provenance.md   one line under each figure: script, commit, code, device, torch, seed, time
    docs/assets/gallery/<name>.py          the script, downloadable from the site
    snippets/<lang>/gallery_index.md       the gallery page: a thumbnail grid, then one section per experiment
    snippets/<lang>/execution_times.md     how long each experiment took (sphinx-gallery's sg_execution_times)
    snippets/<lang>/scale.md               the scale of every trained experiment: parameters, tokens, steps, seeds

They depend on the manifest only, so they are byte-identical whenever the
manifest is, and `check` can regenerate and compare them.

Links: the gallery index is meant for docs/<lang>/gallery.md, and each
experiment gets the anchor #<name> there; the execution-times table links to
gallery.md#<name>, so include it from a page in docs/<lang>/ too. The index uses
Material's grid cards (md_in_html) and heading ids (attr_list).
"""
from trainer import i18n
from trainer.i18n import LANGS
from trainer.i18n.figures import FIGURES


def _t(key, lang, **fields):
    return i18n.t(FIGURES, key, lang, **fields)


def seconds_text(seconds, lang):
    return _t('gallery.seconds', lang, s=i18n.fmt_float(seconds, lang, 1))


def device_text(entry, lang):
    no_device = 'gallery.reconstructed' if entry.get('reconstructed') else 'gallery.no_training'
    return entry['provenance'].get('device') or _t(no_device, lang)


def provenance_md(entry, lang):
    """One line under an experiment's figures. The script link is relative to docs/<lang>/,
    so include it from pages at the language root."""
    p, name = entry['provenance'], entry['name']
    script = f"[`gallery/{name}.py`](assets/gallery/{name}.py)"
    reconstructed = entry.get('reconstructed')
    parts = [_t('gallery.reconstructed_by' if reconstructed else 'gallery.computed_by', lang, script=script)]
    if p.get('runs'):
        parts.append(_t('gallery.runs', lang, n=p['runs']))
        if p.get('steps'):
            parts.append(_t('gallery.steps', lang, steps=', '.join(i18n.fmt_int(s, lang) for s in p['steps'])))
        if p.get('data'):
            parts.append(_t('gallery.data', lang, data=', '.join(f'`{d}`' for d in p['data'])))
    if p.get('device'):
        parts.append(_t('gallery.device', lang, device=p['device']))
    else:
        parts.append(_t('gallery.reconstructed' if reconstructed else 'gallery.no_training', lang))
    if p.get('torch'):
        parts.append(_t('gallery.torch', lang, version=p['torch']))
    if p.get('seed') is not None:
        parts.append(_t('gallery.seed', lang, seed=p['seed']))
    parts.append(seconds_text(p['wall_seconds'], lang))
    parts.append(_t('gallery.profile', lang, profile=entry['profile']))
    parts.append(_t('gallery.commit', lang, commit=f"`{p['git_commit'][:10]}`"))
    parts.append(_t('gallery.code', lang, hash=f"`{p['code_hash'][:10]}`"))
    return '<small class="gallery-provenance">' + ' · '.join(parts) + '</small>\n'


def experiment_fragments(layout, entry):
    """{relative path: bytes} of the runner-made files that belong to one experiment."""
    name = entry['name']
    files = {layout.snippet(lang, name, 'provenance'): provenance_md(entry, lang).encode('utf-8') for lang in LANGS}
    files[layout.source_copy(name)] = layout.script(name).read_bytes()
    return files


def index_md(layout, entries, lang):
    lines = ['<div class="grid cards" markdown>', '']
    for e in entries:
        name, title = e['name'], e['title'][lang]
        source = layout.source_copy(name).removeprefix('docs/')
        if e.get('main_figure'):
            lines += [f"-   [![{title}]({layout.thumb(name).removeprefix('docs/')})](#{name})", '',
                      f'    **[{title}](#{name})**', '']
        else:
            lines += [f'-   **[{title}](#{name})**', '']
        lines += [
                  f"    {seconds_text(e['provenance']['wall_seconds'], lang)} · {device_text(e, lang)} · "
                  f"[{name}.py]({source})", '']
    lines += ['</div>', '']
    for e in entries:
        name, title = e['name'], e['title'][lang]
        lines += [f'## {title} {{ #{name} }}', '']
        if e.get('main_figure'):
            figure = layout.figure(lang, name, e['main_figure']).removeprefix('docs/')
            lines += [f'![{title}]({figure})', '']
        lines += [provenance_md(e, lang).rstrip('\n'), '',
                  '[' + _t('gallery.source', lang, file=f'{name}.py') + f"]({layout.source_copy(name).removeprefix('docs/')})",
                  '']
    return '\n'.join(lines).rstrip('\n') + '\n'


def times_md(entries, lang):
    total = sum(e['provenance']['wall_seconds'] for e in entries)
    lines = [_t('gallery.times_total', lang, total=seconds_text(total, lang), n=len(entries)), '',
             '| ' + ' | '.join(_t(k, lang) for k in ('gallery.col_experiment', 'gallery.col_time',
                                                    'gallery.col_device', 'gallery.col_runs', 'gallery.col_profile'))
             + ' |',
             '| :--- | ---: | :--- | ---: | :--- |']
    for e in sorted(entries, key=lambda e: (-e['provenance']['wall_seconds'], e['name'])):
        lines.append(f"| [{e['title'][lang]}](gallery.md#{e['name']}) | "
                     f"{seconds_text(e['provenance']['wall_seconds'], lang)} | {device_text(e, lang)} | "
                     f"{len(e['runs'])} | {e['profile']} |")
    lines += ['', _t('gallery.times_note', lang)]
    return '\n'.join(lines) + '\n'


def _span(pair, fmt):
    lo, hi = pair
    return fmt(lo) if lo == hi else f'{fmt(lo)}–{fmt(hi)}'


def scale_md(entries, lang):
    """A table of the experiments that train: parameters, training tokens, steps (min–max over their runs),
    seeds, runs and device, so a page can say what scale the evidence is without typing a number."""
    num = lambda n: i18n.fmt_int(n, lang)  # noqa: E731
    lines = ['| ' + ' | '.join(_t(k, lang) for k in ('gallery.col_experiment', 'gallery.col_params',
                                                    'gallery.col_tokens', 'gallery.col_steps', 'gallery.col_seeds',
                                                    'gallery.col_runs', 'gallery.col_device')) + ' |',
             '| :--- | ---: | ---: | ---: | :--- | ---: | :--- |']
    for e in entries:
        p = e['provenance']
        if not p.get('params'):
            continue
        lines.append(f"| [{e['title'][lang]}](gallery.md#{e['name']}) | {_span(p['params'], num)} | "
                     f"{_span(p['train_tokens'], num)} | {_span([min(p['steps']), max(p['steps'])], num)} | "
                     f"{p['seed']} | {p['runs']} | {device_text(e, lang)} |")
    return '\n'.join(lines) + '\n'


def global_fragments(layout, manifest):
    """{relative path: bytes} of the index and execution-time pages (all experiments)."""
    entries = [manifest[name] for name in sorted(manifest)]
    files = {}
    for lang in LANGS:
        files[layout.index(lang)] = index_md(layout, entries, lang).encode('utf-8')
        files[layout.times(lang)] = times_md(entries, lang).encode('utf-8')
        files[layout.scale(lang)] = scale_md(entries, lang).encode('utf-8')
    return files

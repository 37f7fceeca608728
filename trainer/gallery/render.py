"""The `r` an experiment's render function receives, once per language.

    r.lang                         'en', 'es', 'fr' or 'zh-Hant'
    r.t(key, **fields)             a string from the catalog (trainer/i18n/figures.py, experiments/)
    r.int(n), r.num(x, digits), r.pct(p), r.count(n), r.params(n), r.sci(x)
                                   numbers written the language's way
    with r.figure(name) as (fig, ax): ...
                                   an SVG figure: localized ticks, text typeset, wrapped and
                                   kept off the data (trainer/plot_fit.py), deterministic bytes
    r.table(name, headers, rows)   a Markdown table fragment
    r.markdown(name, text)         any other Markdown fragment (an annotated log, a report)
    r.value(key, x, fmt, digits)   a result the prose quotes as [[experiment.key]]: x is a
                                   number or a PerSeed, formatted here, once; a PerSeed reads
                                   "mean ± half its min-max range" and also gives
                                   [[experiment.key.mean]] and [[experiment.key.range]]
    r.setting(key, x, fmt, ...)    an input of the experiment the prose quotes (not a result)
    r.text_value(key, raw, text)   a value that is not a number (a name, a device)
    r.fmt(x, fmt, digits)          the same formatting, for figure labels and table cells

Render functions only read run data; they never train. Whatever one language
writes, every language must write (same figures, tables, values), so a page
never includes a fragment that exists in English only.
"""
import contextlib
import re

from trainer import i18n, plot_fit, plots
from trainer.gallery.groups import PerSeed
from trainer.gallery.layout import GalleryError, check_part
from trainer.i18n.figures import FIGURES

RESERVED = ('provenance',)  # snippets the runner writes itself
THUMB_WIDTH_PX = 400
FORMATS = ('num', 'int', 'pct', 'count', 'params', 'sci')
VALUE_KINDS = ('result', 'setting', 'text')  # a result needs a claim where a page interprets it


class Outputs:
    """What an experiment wrote, collected across languages."""

    def __init__(self):
        self.by_lang = {}     # lang -> {'figure': [names], 'snippet': [names], 'value': [keys]}
        self.values = {}      # key -> {'value': raw, lang: text}
        self.main = None      # name of the main figure (the thumbnail)
        self.main_explicit = False

    def add(self, lang, kind, name):
        names = self.by_lang.setdefault(lang, {'figure': [], 'snippet': [], 'value': []})[kind]
        if name in names:
            raise GalleryError(f"{kind} {name!r} written twice in {lang}")
        names.append(name)

    def check_languages(self):
        langs = list(self.by_lang)
        if not langs:
            return
        first = self.by_lang[langs[0]]
        for lang in langs[1:]:
            for kind in ('figure', 'snippet', 'value'):
                a, b = sorted(first[kind]), sorted(self.by_lang[lang][kind])
                if a != b:
                    raise GalleryError(f"{lang} wrote {kind}s {b} but {langs[0]} wrote {a}; "
                                       "every language must write the same outputs")


class Render:
    def __init__(self, experiment, lang, outputs):
        self.lang = i18n.check_lang(lang)
        self._exp = experiment
        self._out = outputs

    # --- words and numbers
    def t(self, key, **fields):
        try:
            return i18n.t(FIGURES, key, self.lang, **fields)
        except KeyError:
            raise GalleryError(f"no {self.lang!r} text for {key!r}: add it to "
                               "trainer/i18n/experiments/<experiment>.py (shared words: figures.py)") from None

    def int(self, n):
        return i18n.fmt_int(n, self.lang)

    def num(self, x, digits=2):
        return i18n.fmt_float(x, self.lang, digits)

    def pct(self, percent, digits=1):
        return i18n.fmt_pct(percent, self.lang, digits)

    def count(self, n, digits=1, sig=None):
        """A large count in words; sig=3 keeps three significant digits whatever the language's
        scale ('811 million', '2.47 billion', '8.11億', '24.7億')."""
        if sig is None:
            return i18n.fmt_count(n, self.lang, digits)
        mantissa = re.match(r'[\d\s\u00a0\u202f,.]+', i18n.fmt_count(n, self.lang, 6)).group()
        whole = mantissa.split('.' if self.lang in ('en', 'zh-Hant') else ',')[0]
        digits_before = len(re.sub(r'\D', '', whole))
        return i18n.fmt_count(n, self.lang, max(0, sig - digits_before))

    def params(self, n, digits=2):
        return i18n.fmt_params(n, self.lang, digits)

    def sci(self, x, digits=1):
        return i18n.fmt_sci(x, self.lang, digits)

    # --- outputs
    def _path(self, rel):
        path = self._exp.stage / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    @contextlib.contextmanager
    def figure(self, name, main=False, nrows=1, ncols=1, figsize=None, **subplots_kw):
        """`with r.figure('val_loss') as (fig, ax):` draw; it is saved when the block ends.
        The first figure (or the one with main=True) becomes the experiment's thumbnail."""
        import matplotlib.pyplot as plt
        check_part('figure', name)
        fig, axes = plt.subplots(nrows, ncols, figsize=figsize, **subplots_kw)
        try:
            yield fig, axes
            self._out.add(self.lang, 'figure', name)
            plots.localize_axes(fig, self.lang)
            plot_fit.finish(fig, self.lang)
            plots.save_svg(fig, self._path(self._exp.layout.figure(self.lang, self._exp.name, name)))
            out = self._out
            if main and out.main_explicit and out.main != name:
                raise GalleryError(f"two main figures: {out.main!r} and {name!r}")
            if out.main is None or (main and not out.main_explicit):
                out.main, out.main_explicit = name, bool(main)
            if self.lang == 'en' and out.main == name:
                plots.save_png(fig, self._path(self._exp.layout.thumb(self._exp.name)), width_px=THUMB_WIDTH_PX)
        finally:
            plt.close(fig)

    def markdown(self, name, text):
        """A Markdown fragment, included by pages with --8<-- "snippets/<lang>/<experiment>/<name>.md"."""
        check_part('snippet', name)
        if name in RESERVED:
            raise GalleryError(f"snippet name {name!r} is reserved for the runner")
        self._out.add(self.lang, 'snippet', name)
        self._path(self._exp.layout.snippet(self.lang, self._exp.name, name)).write_text(
            text.rstrip('\n') + '\n', encoding='utf-8')

    def table(self, name, headers, rows, align=None, note=None):
        """A Markdown table. Cells are strings (numbers formatted with r.int/r.num/...) or ints;
        a float must be formatted explicitly, so its digits are a decision, not an accident.
        align: one of 'l', 'c', 'r' per column (default: left). note: Markdown after the table."""
        align = align or 'l' * len(headers)
        if len(align) != len(headers):
            raise GalleryError(f"table {name}: {len(headers)} headers but align {align!r}")
        rule = {'l': ':---', 'c': ':---:', 'r': '---:'}
        lines = ['| ' + ' | '.join(_cell(h) for h in headers) + ' |',
                 '| ' + ' | '.join(rule[a] for a in align) + ' |']
        for row in rows:
            if len(row) != len(headers):
                raise GalleryError(f"table {name}: row {row!r} has {len(row)} cells, expected {len(headers)}")
            lines.append('| ' + ' | '.join(_cell(c, self.lang) for c in row) + ' |')
        if note:
            lines += ['', note]
        self.markdown(name, '\n'.join(lines))

    def fmt(self, x, fmt='num', digits=2, signed=False, sig=None):
        """x (a number) written the language's way: fmt is one of FORMATS; signed puts '+' before
        a positive number; sig: significant digits for fmt='count'."""
        if fmt not in FORMATS:
            raise GalleryError(f"unknown number format {fmt!r}; expected one of {', '.join(FORMATS)}")
        x = x.item() if hasattr(x, 'item') else x
        if fmt == 'int':
            text = self.int(x)
        elif fmt == 'count':
            text = self.count(x, digits, sig=sig)
        else:
            text = getattr(self, fmt)(x, digits)
        return ('+' + text) if signed and x > 0 else text

    def spread_text(self, x, fmt='num', digits=2, signed=False):
        """A PerSeed as 'mean ± half its min-max range' (a plain number as itself)."""
        if not isinstance(x, PerSeed):
            return self.fmt(x, fmt, digits, signed)
        return self.t('value.pm', x=self.fmt(x.value, fmt, digits, signed),
                      d=self.fmt(x.spread / 2, 'num' if fmt == 'int' else fmt, 0 if fmt == 'int' else digits))

    def range_text(self, x, fmt='num', digits=2, signed=False):
        """A PerSeed as 'min–max' over its seeds."""
        return self.t('value.range', lo=self.fmt(x.lo, fmt, digits, signed), hi=self.fmt(x.hi, fmt, digits, signed))

    def value(self, key, x, fmt='num', digits=2, signed=False, sig=None, kind='result'):
        """Record a number the prose quotes as [[experiment.key]], formatted here (computed once).

        x: a number, or a PerSeed (one value per seed), which reads "mean ± half-range" and adds
        the keys `key.mean` and `key.range`. kind: 'result' (read off the run data or computed
        from it; a page that interprets it cites a claim) or 'setting' (an input). Returns the text."""
        if kind not in VALUE_KINDS[:2]:
            raise GalleryError(f"value {key}: kind must be result or setting, got {kind!r}")
        if isinstance(x, PerSeed):
            extra = {'seeds': list(x.seeds), 'values': [float(v) for v in x.values], 'spread': x.spread}
            text = self._record(key, x.value, self.spread_text(x, fmt, digits, signed), kind, extra)
            self._record(f'{key}.mean', x.value, self.fmt(x.value, fmt, digits, signed, sig), kind, extra)
            self._record(f'{key}.range', [x.lo, x.hi], self.range_text(x, fmt, digits, signed), kind, extra)
            return text
        return self._record(key, x, self.fmt(x, fmt, digits, signed, sig), kind)

    def setting(self, key, x, fmt='int', digits=2, sig=None):
        """An input of the experiment the prose quotes (a shard count, a step count)."""
        return self.value(key, x, fmt, digits, sig=sig, kind='setting')

    def text_value(self, key, raw, text):
        """A value that is not a number (a schedule's name, a device), with its text in this language."""
        if not isinstance(text, str):
            raise GalleryError(f"value {key}: text must be a string")
        return self._record(key, raw, text, 'text')

    def _record(self, key, raw, text, kind, extra=None):
        check_part('value', key)
        raw = raw.item() if hasattr(raw, 'item') else raw
        self._out.add(self.lang, 'value', key)
        entry = self._out.values.setdefault(key, {'value': raw, 'kind': kind, **(extra or {})})
        if entry['value'] != raw:
            raise GalleryError(f"value {key}: {self.lang} gives {raw!r}, another language gave {entry['value']!r}")
        entry[self.lang] = text
        return text


def _cell(c, lang='en'):
    if isinstance(c, bool):
        raise GalleryError(f"table cell {c!r}: write booleans as words (r.t)")
    if isinstance(c, int):
        c = i18n.fmt_int(c, lang)
    elif not isinstance(c, str):
        raise GalleryError(f"table cell {c!r}: format numbers with r.num / r.int / r.pct first")
    return c.replace('|', '\\|').replace('\n', ' ')

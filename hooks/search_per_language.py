"""MkDocs hook: one search index per language, so each language searches its own pages.

mkdocs-static-i18n merges every language's entries into the single
site/search/search_index.json (its README: "there can only be one search index
for the whole build"). Two things go wrong with that:

- results mix languages: a Spanish query on /es/ lists French and English
  pages, and "plateau" on the English home lists 首頁 and Inicio;
- the default language's entries are stacked twice (once per build pass), and
  Material's worker then records every match position twice; its highlighter
  wraps the same span twice and produces `<mark><mar< mark="">k>rate`.

After the i18n plugin has written the merged index (its on_post_build runs at
priority -100; this one at -110), the entries are split by language prefix,
deduplicated by location, and written as <lang>/search/search_index.json with
locations relative to that language's root; the root index keeps the default
language only. Each index lists only its own lunr language (zh for zh-Hant:
Material segments Han text with jieba and joins the words with U+200B, which
the separator splits on).

Material's bundle fetches the index from `search/search_index.json` relative
to `base` in the page's `__config` JSON, and resolves result links against the
same base. On a page of a non-default language that base is pointed at the
language root (`../..` -> `../../es/`). Nothing else this site uses reads it:
instant navigation, versioning and the head alternates it would affect are off
or removed (hooks/i18n_switcher.py).
"""

import json
import logging
import os
import re

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.search_per_language")

CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def _i18n(config):
    return config.plugins.get("i18n")


def _languages(i18n):
    """(default locale, [other locales]) of the i18n plugin's build."""
    languages = i18n.config.languages
    default = next(lang.locale for lang in languages if lang.default)
    others = [lang.locale for lang in languages if not lang.default and lang.locale in i18n.build_languages]
    return default, others


def lunr_language(locale):
    """lunr-languages names a language by its two-letter code: zh-Hant -> zh."""
    return locale.split("-")[0].split("_")[0]


def split_index(index, default, others):
    """{locale: index} from the merged index: entries by location prefix, the last of each
    location kept (the default language's are stacked twice), locations made relative to
    the language root, and `lang` reduced to the language itself."""
    by_lang = {locale: {} for locale in [default, *others]}
    for entry in index["docs"]:
        location = entry["location"]
        locale = next((o for o in others if location.startswith(o + "/") or location == o), default)
        if locale != default:
            location = location[len(locale):].lstrip("/")
        by_lang[locale][location] = {**entry, "location": location}
    return {locale: {"config": {**index["config"], "lang": [lunr_language(locale)]},
                     "docs": list(entries.values())}
            for locale, entries in by_lang.items()}


def _write_json(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
    os.replace(tmp, path)


def rebase_config(html, locale):
    """Point the page's Material `__config.base` at its language root."""
    def replace(m):
        app = json.loads(m.group(2))
        base = app["base"].rstrip("/")
        app["base"] = f"{base}/{locale}/" if base not in ("", ".") else f"{locale}/"
        return m.group(1) + json.dumps(app) + m.group(3)

    return CONFIG_SCRIPT.sub(replace, html, count=1)


def on_post_page(output, page, config):
    i18n = _i18n(config)
    if i18n is None:
        return output
    default, others = _languages(i18n)
    locale = i18n.current_language
    return rebase_config(output, locale) if locale != default and locale in others else output


@event_priority(-110)
def on_post_build(config):
    i18n = _i18n(config)
    if i18n is None or getattr(i18n, "building", False):
        return  # a nested per-language build: the merged index is not complete yet
    path = os.path.join(config.site_dir, "search", "search_index.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        merged = json.load(f)
    default, others = _languages(i18n)
    for locale, index in split_index(merged, default, others).items():
        where = config.site_dir if locale == default else os.path.join(config.site_dir, locale)
        _write_json(os.path.join(where, "search", "search_index.json"), index)

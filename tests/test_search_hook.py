"""hooks/search_per_language.py and hooks/quiet_i18n.py: one search index per language, a quiet console."""

import importlib.util
import json
import logging

import pytest

from conftest import REPO


def _load(name):
    spec = importlib.util.spec_from_file_location(f"plateau_{name}_hook", REPO / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def search():
    return _load("search_per_language")


def _entry(location, text="x"):
    return {"location": location, "title": location or "home", "text": text}


def test_split_index_by_language_dedups_and_makes_locations_relative(search):
    merged = {"config": {"lang": ["en", "es", "fr"], "separator": "[\\s]+"},
              "docs": [_entry(""), _entry("capacity/"), _entry("es/"), _entry("es/capacity/#x"),
                       _entry("zh-Hant/"), _entry(""), _entry("capacity/", "second"), _entry("esp/")]}
    out = search.split_index(merged, "en", ["es", "fr", "zh-Hant"])
    assert sorted(out) == ["en", "es", "fr", "zh-Hant"]
    # the default language's entries were stacked twice: one of each location, the last kept
    assert [d["location"] for d in out["en"]["docs"]] == ["", "capacity/", "esp/"]
    assert out["en"]["docs"][1]["text"] == "second"
    assert [d["location"] for d in out["es"]["docs"]] == ["", "capacity/#x"]
    assert out["fr"]["docs"] == []
    assert [d["location"] for d in out["zh-Hant"]["docs"]] == [""]
    assert [out[lang]["config"]["lang"] for lang in ("en", "es", "fr", "zh-Hant")] == [["en"], ["es"], ["fr"], ["zh"]]
    assert out["es"]["config"]["separator"] == "[\\s]+"
    assert merged["docs"][3]["location"] == "es/capacity/#x"  # the input is not modified


def test_rebase_config_points_base_at_the_language_root(search):
    app = {"base": "../..", "features": [], "search": "../../assets/x.js"}
    html = f'<p>..</p><script id="__config" type="application/json">{json.dumps(app)}</script>'
    out = search.rebase_config(html, "es")
    got = json.loads(out.split('application/json">')[1].split("</script>")[0])
    assert got == {**app, "base": "../../es/"}
    assert out.startswith("<p>..</p>")
    assert search.rebase_config("<p>no config</p>", "fr") == "<p>no config</p>"


def test_quiet_i18n_drops_only_the_routine_info_lines():
    quiet = _load("quiet_i18n")

    def record(msg, level=logging.INFO):
        return logging.LogRecord("mkdocs.plugins.mkdocs_static_i18n.reconfigure", level, __file__, 1, msg, None, None)

    noise = ("mkdocs_static_i18n: The 'extra.alternate' configuration contains a 'link' option that should be an "
             "absolute path '/' and end with a trailing '/' in {'name': 'English', 'link': './', 'lang': 'en'}")
    assert quiet.routine(record(noise))
    assert quiet.routine(record("mkdocs_static_i18n: Overriding 'fr' config 'site_name' with 'Plateau Lab'"))
    assert not quiet.routine(record(noise, logging.WARNING))
    assert not quiet.routine(record("mkdocs_static_i18n: Building 'es' documentation to directory: site/es"))

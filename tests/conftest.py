"""Shared fixtures. The site is built once per session and served once, for
tests/test_site.py and tests/test_browser.py alike."""

import functools
import http.server
import os
import subprocess
import sys
import threading
import time
import types
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[1]
SITE_LANGS = ("en", "es", "fr", "zh-Hant")


def mkdocs_config():
    """mkdocs.yml parsed with MkDocs' own YAML loader (it knows !ENV)."""
    import yaml
    from mkdocs.utils.yaml import get_yaml_loader

    saved = os.environ.pop("SITE_URL", None)  # as the build fixture does: the committed default
    try:
        with open(REPO / "mkdocs.yml", encoding="utf-8") as f:
            return yaml.load(f, Loader=get_yaml_loader())
    finally:
        if saved is not None:
            os.environ["SITE_URL"] = saved


def nav_pages(nav=None):
    """Every page of the nav, as paths relative to docs/<lang>/, in nav order."""
    nav = mkdocs_config()["nav"] if nav is None else nav
    out = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        out.extend(nav_pages(value) if isinstance(value, list) else [value])
    return out


def page_url(lang, page):
    """Site-relative URL of `page` (e.g. "plateau.md") in `lang`; English is at the root."""
    prefix = "" if lang == "en" else f"{lang}/"
    stem = page[:-3]
    return prefix + ("" if stem == "index" else stem[:-5] if stem.endswith("/index") else stem + "/")


@pytest.fixture
def umask_022():
    """The usual umask for a test that checks a written file's mode (0644)."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """`mkdocs build --strict` of the real docs into a temp dir, run once per session."""
    out = tmp_path_factory.mktemp("site") / "site"
    env = {k: v for k, v in os.environ.items() if k not in ("BUILD_ONLY_LOCALE", "SITE_URL")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                          cwd=REPO, env=env, capture_output=True, text=True)
    return types.SimpleNamespace(dir=out, returncode=proc.returncode, output=proc.stdout + proc.stderr,
                                 seconds=time.perf_counter() - t0)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under its GitHub Pages path, the way Pages does: no
    directory listings, and a missing path gets 404.html with status 404."""

    base = "/"
    log = None  # list of (path, status), shared with the tests

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.base):
            return os.path.join(self.directory, "\0missing")
        return super().translate_path("/" + path[len(self.base):])

    def list_directory(self, path):
        self.send_not_found()
        return None

    def send_head(self):
        if not os.path.exists(self.translate_path(self.path)):
            self.send_not_found()
            return None
        return super().send_head()

    def send_not_found(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        # LinkChecker throttles every host to ~3 requests/s unless the server
        # sends this header; then it uses its maxrequestspersecond setting.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_request(self, code="-", size="-"):
        try:
            code = int(code)
        except (TypeError, ValueError):
            pass
        self.log.append((self.path, code))

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served_site(built_site):
    """The built site on http://127.0.0.1:<free port><site_url path>, in a thread."""
    if built_site.returncode != 0:
        pytest.fail("the site did not build; see test_site.py::test_strict_build_is_clean")
    base = urlsplit(mkdocs_config()["site_url"]).path or "/"
    log = []
    handler = type("Handler", (_SiteHandler,), {"base": base, "log": log})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(built_site.dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield types.SimpleNamespace(url=f"http://127.0.0.1:{server.server_port}{base}", log=log,
                                    dir=built_site.dir)
    finally:
        server.shutdown()
        server.server_close()

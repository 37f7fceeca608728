"""MkDocs hook: make mkdocs-static-i18n's language switcher and Material 9.7+ agree.

1. Material's bundle (9.7+) fetches `sitemap.xml` next to every
   <link rel="alternate" hreflang> in the page head, expecting each to be a
   language root with its own sitemap. mkdocs-static-i18n points those links
   at the same page in each language and writes one sitemap at the site root,
   so every page would log four 404s in the browser console. The head links
   are removed; hreflang alternates stay where search engines read them with
   absolute URLs (the plugin's sitemap.xml), and the switcher menu keeps
   leading to the same page in each language.

2. The plugin points config.extra.alternate at "this page in each language"
   while it renders pages and does not restore it before the theme's 404.html
   is rendered, so the 404 page would offer the last page built instead of the
   language homes. Its pristine copy is restored for that template.
"""

import re
from copy import deepcopy

HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def _drop_head_alternates(html):
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    return HEAD_ALTERNATE.sub("", html[:head_end]) + html[head_end:]


def on_post_page(output, page, config):
    return _drop_head_alternates(output)


def on_pre_template(template, template_name, config):
    if template_name == "404.html":
        i18n = config.plugins.get("i18n")
        homes = getattr(i18n, "extra_alternate", None)
        if homes:
            # The plugin sets the per-page list as an attribute of config.extra
            # (which Jinja reads before the key), so restore both.
            config.extra.alternate = deepcopy(homes)
            config.extra["alternate"] = deepcopy(homes)
    return template


def on_post_template(output_content, template_name, config):
    return _drop_head_alternates(output_content) if template_name == "404.html" else output_content

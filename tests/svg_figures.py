"""Read what a matplotlib SVG draws: its canvas, its texts (string, box, size) and its data lines.

matplotlib writes text as glyph outlines (svg.fonttype='path'): each text is a
<g id="text_N"> holding a comment with the string, then <use> references to
glyph <path>s under a transform `translate(x y) [rotate(a)] scale(s -s)`, where
s is the font size in points / 100 (matplotlib's TextToPath.FONT_SCALE). Glyph
outlines are in 1/64 units with their own scale(1/64). A glyph's box is the box of its outline's points (control points included, so a
box is never smaller than the ink). Plotted lines are <g id="line2d_N"> paths
outside the axis and legend groups, clipped to their axes' clip rectangle.

Coordinates are SVG user units, which matplotlib makes points (1/72 inch).
"""
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

SVG = '{http://www.w3.org/2000/svg}'
XLINK = '{http://www.w3.org/1999/xlink}href'
NUMBER = re.compile(r'-?\d+(?:\.\d*)?(?:e-?\d+)?|-?\.\d+')
FONT_SCALE = 100.0


@dataclass
class Text:
    string: str
    box: tuple            # (x0, y0, x1, y1), y down
    size_pt: float
    where: str            # 'tick' (tick labels, axis labels), 'legend' or 'axes' (titles, annotations)
    group: str


@dataclass
class Figure:
    width: float
    height: float
    texts: list = field(default_factory=list)
    segments: list = field(default_factory=list)   # [(x0, y0, x1, y1)] of data lines, clipped
    legends: list = field(default_factory=list)    # boxes of whole legends
    axes: list = field(default_factory=list)       # boxes of the plot areas (each axes' background patch)


def _matrix(transform):
    """The 3x3 affine matrix (as 6 numbers a b c d e f) of an SVG transform attribute."""
    m = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    for name, args in re.findall(r'(\w+)\(([^)]*)\)', transform or ''):
        v = [float(x) for x in NUMBER.findall(args)]
        if name == 'translate':
            t = (1, 0, 0, 1, v[0], v[1] if len(v) > 1 else 0.0)
        elif name == 'scale':
            t = (v[0], 0, 0, v[1] if len(v) > 1 else v[0], 0, 0)
        elif name == 'rotate':
            a = math.radians(v[0])
            t = (math.cos(a), math.sin(a), -math.sin(a), math.cos(a), 0, 0)
        elif name == 'matrix':
            t = tuple(v)
        else:
            raise ValueError(f'unknown SVG transform {name}')
        m = _compose(m, t)
    return m


def _compose(m, t):
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = t
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
            a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def _apply(m, x, y):
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _path_points(d):
    nums = [float(x) for x in NUMBER.findall(d or '')]
    return list(zip(nums[0::2], nums[1::2]))


def _box(points):
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _union(boxes):
    boxes = [b for b in boxes if b]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def read(path):
    """The Figure drawn by the SVG file at `path`."""
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))  # the comments hold the strings
    root = ET.parse(path, parser).getroot()
    _, _, width, height = (float(x) for x in root.get('viewBox').split())
    # glyph outlines carry their own transform (scale(1/64): FreeType's 26.6 fixed point)
    glyphs = {p.get('id'): [_apply(_matrix(p.get('transform')), x, y) for x, y in _path_points(p.get('d'))]
              for p in root.iter(SVG + 'path') if p.get('id')}
    clips = {}
    for clip in root.iter(SVG + 'clipPath'):
        rect = clip.find(SVG + 'rect')
        if rect is not None:
            x, y = float(rect.get('x')), float(rect.get('y'))
            clips[clip.get('id')] = (x, y, x + float(rect.get('width')), y + float(rect.get('height')))
    fig = Figure(width, height)
    _walk(root, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), [], fig, glyphs, clips)
    return fig


def _ink(el, m, glyphs):
    """The box of everything `el` draws (glyph uses and paths), under transform m; and the
    largest glyph scale met (the font size)."""
    boxes, scale = [], 0.0
    m = _compose(m, _matrix(el.get('transform')))
    if el.tag == SVG + 'use':
        m = _compose(m, (1, 0, 0, 1, float(el.get('x', 0)), float(el.get('y', 0))))
        pts = glyphs.get((el.get(XLINK) or '').lstrip('#'), [])
        if pts:
            boxes.append(_box([_apply(m, x, y) for x, y in pts]))
            scale = math.hypot(m[0], m[1])
    elif el.tag == SVG + 'path' and not el.get('id') and el.get('d'):
        boxes.append(_box([_apply(m, x, y) for x, y in _path_points(el.get('d'))]))
    elif el.tag == SVG + 'rect':
        x, y, w, h = (float(el.get(k, 0)) for k in ('x', 'y', 'width', 'height'))
        boxes.append(_box([_apply(m, px, py) for px, py in ((x, y), (x + w, y + h))]))
    for child in el:
        if child.tag == SVG + 'defs':
            continue
        b, s = _ink(child, m, glyphs)
        boxes.append(b)
        scale = max(scale, s)
    return _union(boxes), scale


def _walk(el, m, ids, fig, glyphs, clips):
    gid = el.get('id') or ''
    if el.tag == SVG + 'defs':
        return
    if gid.startswith('text_'):
        box, scale = _ink(el, m, glyphs)
        comment = next((c.text.strip() for c in el.iter() if c.tag is ET.Comment), '')
        where = 'legend' if any(i.startswith('legend') for i in ids) else (
            'tick' if any(i.startswith('matplotlib.axis') for i in ids) else 'axes')
        if box:
            fig.texts.append(Text(comment, box, scale * FONT_SCALE, where, gid))
        return
    if gid.startswith('axes_'):
        background = next((c for c in el if (c.get('id') or '').startswith('patch_')), None)
        path = background.find(SVG + 'path') if background is not None else None
        if path is not None:
            fig.axes.append(_box([_apply(m, x, y) for x, y in _path_points(path.get('d'))]))
    if gid.startswith('legend_'):
        box, _ = _ink(el, m, glyphs)
        if box:
            fig.legends.append(box)
    if gid.startswith('line2d_') and not any(i.startswith(('matplotlib.axis', 'legend')) for i in ids):
        for p in _drawn_paths(el):
            clip = clips.get((p.get('clip-path') or '').replace('url(#', '').rstrip(')'))
            pm = _compose(m, _matrix(p.get('transform')))
            pts = [_apply(pm, x, y) for x, y in _path_points(p.get('d'))]
            fig.segments += [s for s in (_clip(a + b, clip) for a, b in zip(pts, pts[1:])) if s]
    for child in el:
        _walk(child, _compose(m, _matrix(el.get('transform'))), ids + [gid], fig, glyphs, clips)


def _drawn_paths(el):
    """The <path>s under `el` that are drawn: not definitions (markers, glyphs)."""
    for child in el:
        if child.tag == SVG + 'defs':
            continue
        if child.tag == SVG + 'path' and not child.get('id'):
            yield child
        yield from _drawn_paths(child)


def _clip(seg, box):
    """The part of segment (x0, y0, x1, y1) inside box (Liang–Barsky), or None."""
    if box is None:
        return seg
    x0, y0, x1, y1 = seg
    dx, dy = x1 - x0, y1 - y0
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
    if lo > hi:
        return None
    return (x0 + lo * dx, y0 + lo * dy, x0 + hi * dx, y0 + hi * dy)

"""The three outputs of an Analysis: text (terminal), markdown (pages), json (machines).

Markdown is an evidence table, computed: step, train loss, val loss, lr, tokens seen
and a comment per row, then the facts and the findings. The JSON schema is
documented in README.md ("Analyzer JSON schema").
"""
import json
import math
import textwrap
import unicodedata

import numpy as np

from trainer.analyze.messages import duration, label, loss, message, pct, sig
from trainer.i18n import fmt_count, fmt_float, fmt_int, fmt_params, fmt_pct, fmt_sci

MAX_TABLE_ROWS = 12
COLORS = {"error": "\x1b[31;1m", "warning": "\x1b[33;1m", "info": "\x1b[36m"}
RESET, BOLD = "\x1b[0m", "\x1b[1m"


# -- the evidence table -----------------------------------------------------------------
def table_rows(result, lang, markdown=False):
    """[(step, train, val, lr, tokens, comment)] as strings, for the evals worth showing."""
    run, facts = result.run, result.facts
    steps = np.frombuffer(run.eval_steps, np.int64) if len(run.eval_steps) else np.zeros(0, np.int64)
    if steps.size == 0:
        return []
    val, train = list(run.eval_val), list(run.eval_train)
    per_eval = {e["step"]: e for e in facts.get("evals", [])}
    finite = [i for i, v in enumerate(val) if math.isfinite(v)]
    best = min(finite, key=lambda i: val[i]) if finite else None
    plateau = result.finding("plateau")
    window = (plateau.evidence["window_start"], plateau.evidence["window_end"]) if plateau else None
    rise_thr = facts.get("noise", {}).get("threshold", math.inf) if result.finding("overfitting") else math.inf
    rows = []
    for i in _pick(steps, best, result.findings):
        s = int(steps[i])
        comments = _comments(i, s, val, train, best, rise_thr, window, facts, lang, markdown)
        extra = per_eval.get(s, {})
        rows.append((fmt_int(s, lang), loss(train[i], lang) if not math.isnan(train[i]) else "",
                     loss(val[i], lang), fmt_sci(extra["lr"], lang, 2) if extra.get("lr") else "",
                     fmt_count(extra["tokens_seen"], lang) if extra.get("tokens_seen") is not None else "",
                     label("join", lang).join(comments)))
    return rows


def _comments(i, s, val, train, best, rise_thr, window, facts, lang, markdown):
    comments = []
    if i == 0:
        comments.append(label("comment.start", lang))
        vocab = facts.get("vocab_size")
        if vocab and facts.get("eval_metric") == "loss" and math.isfinite(val[i]) and abs(val[i] - math.log(vocab)) < 0.25:
            comments.append(label("comment.uniform", lang, ln_v=fmt_float(math.log(vocab), lang, 2)))
    if not math.isfinite(val[i]) or (not math.isfinite(train[i]) and not math.isnan(train[i])):
        comments.append(label("comment.nonfinite", lang))
    if i == best:
        comments.append(f"**{label('comment.best', lang)}**" if markdown else label("comment.best", lang))
    elif best is not None and i > best and val[i] > val[best] + rise_thr:
        comments.append(label("comment.above_best", lang))
    elif window and window[0] <= s <= window[1]:
        comments.append(label("comment.plateau", lang))
    if facts.get("eval_metric") == "loss" and math.isfinite(train[i]) and math.isfinite(val[i]) and val[i] < train[i]:
        comments.append(label("comment.val_below_train", lang))
    return comments


def _pick(steps, best, findings):
    """All evals when few; else evenly spaced ones plus every step a finding points at."""
    n = steps.size
    if n <= MAX_TABLE_ROWS + 4:
        return list(range(n))
    index = {int(s): i for i, s in enumerate(steps)}
    keep = {0, n - 1} | ({best} if best is not None else set())
    keep |= {index[s] for f in findings for s in f.steps[:1] + f.steps[-1:] if s in index}
    keep |= {int(round(x)) for x in np.linspace(0, n - 1, max(2, MAX_TABLE_ROWS - len(keep)))}
    return sorted(keep)


def _header(lang, facts):
    val = "col.val_bpb" if facts.get("eval_metric") == "bpb" else "col.val_loss"
    return [label(k, lang) for k in ("col.step", "col.train_loss", val, "col.lr", "col.tokens_seen", "col.comment")]


# -- facts -----------------------------------------------------------------------------------
def fact_lines(facts, lang):
    """[(label, value)] of the facts worth a line, values formatted for `lang`."""
    out = []
    assumed = facts.get("assumed", {})
    assuming = label("paren", lang, x=label("fact.assuming_vocab", lang, vocab=fmt_int(assumed["vocab_size"], lang))) \
        if "vocab_size" in assumed else ""
    if facts.get("config_source"):
        out.append((label("fact.config_source", lang), label(f"fact.config.{facts['config_source']}", lang)))
    if facts.get("config_skipped"):
        out.append((label("fact.config_skipped", lang), ", ".join(f"`{x}`" for x in facts["config_skipped"])))
    if facts.get("tokens_per_iter"):
        out.append((label("fact.tokens_per_iter", lang), fmt_int(facts["tokens_per_iter"], lang)))
    if facts.get("tokens_seen") is not None:
        seen = fmt_int(facts["tokens_seen"], lang)
        if facts["tokens_seen"] >= 1e6:
            seen += label("paren", lang, x=fmt_count(facts["tokens_seen"], lang))
        out.append((label("fact.tokens_seen", lang, step=fmt_int(facts.get("last_eval_step", facts.get("last_step")), lang)),
                    seen))
    if facts.get("n_params"):
        out.append((label("fact.n_params", lang) + assuming,
                    fmt_int(facts["n_params"], lang) + label("paren", lang, x=fmt_params(facts["n_params"], lang))))
    if facts.get("n_params_log"):
        out.append((label("fact.n_params_log", lang), fmt_params(facts["n_params_log"], lang)))
    if "vocab_size" in facts.get("assumption_rejected", {}):
        out.append((label("fact.vocab", lang),
                    label("fact.vocab_rejected", lang, vocab=fmt_int(facts["assumption_rejected"]["vocab_size"], lang))))
    if facts.get("data_tokens"):
        out.append((label("fact.data_tokens", lang), fmt_int(facts["data_tokens"], lang)))
    if facts.get("epochs") is not None:
        out.append((label("fact.epochs", lang), sig(facts["epochs"], lang, 3, 4, 2)))
    if facts.get("tokens_per_param") is not None:
        out.append((label("fact.tokens_per_param", lang) + (assuming if facts.get("n_params") else ""),
                    sig(facts["tokens_per_param"], lang) + label("paren", lang, x=label(
                        "fact.chinchilla", lang, x=sig(facts["chinchilla_multiple"], lang, 2)))))
    if facts.get("lr_at_last_eval") is not None:
        out.append((label("fact.lr_last", lang, step=fmt_int(facts["last_eval_step"], lang)),
                    fmt_sci(facts["lr_at_last_eval"], lang, 2)))
    if facts.get("progress") is not None:
        out.append((label("fact.progress", lang), fmt_pct(100 * facts["progress"], lang, 1) + label(
            "paren", lang, x=f"{fmt_int(facts['last_step'], lang)} / {fmt_int(facts['max_steps'], lang)}")))
    for r in facts.get("resumes", []):
        out.append((label("fact.resumed", lang, step=fmt_int(r["step"], lang)),
                    label("fact.superseded", lang, n=fmt_int(r["superseded"], lang))))
    return out + _mfu_lines(facts, lang, assuming)


def _mfu_lines(facts, lang, assuming):
    out, mfu = [], facts.get("mfu", {})
    if mfu.get("printed_pct") is not None:
        peak = mfu.get("printed_reference_peak_flops")
        if peak and mfu.get("printed_reference") != "device":
            key = label("fact.mfu_printed", lang, ref=mfu["printed_reference"], peak=fmt_float(peak / 1e12, lang, 0))
        else:
            key = label("fact.mfu_printed_device", lang)
        out.append((key, pct(mfu["printed_pct"], lang)))
    if mfu.get("recomputed_a100_pct") is not None:
        out.append((label("fact.mfu_recomputed", lang, ms=duration(mfu["iter_time_ms"], lang)) + assuming,
                    pct(mfu["recomputed_a100_pct"], lang)))
    device_pct = mfu.get("renormalized_device_pct", mfu.get("recomputed_device_pct"))
    if device_pct is not None:
        out.append((label("fact.mfu_device", lang, device=mfu["device"],
                          peak=fmt_float(mfu["device_peak_flops"] / 1e12, lang, 1)), pct(device_pct, lang)))
    return out


def _steps_note(steps, lang):
    """' (steps 700, 1200)' after a finding's code; ' (step 0)' for a single step; '' for none."""
    if not steps:
        return ""
    key = "title.step" if len(steps) == 1 else "title.steps"
    return f" ({label(key, lang)} {_steps_text(steps, lang)})"


def _steps_text(steps, lang):
    shown = [fmt_int(s, lang) for s in steps[:8]]
    return ", ".join(shown) + (", …" if len(steps) > 8 else "")


# -- markdown ------------------------------------------------------------------------------------
def _md_cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def _summary(analysis, lang):
    return label("title.summary", lang, fmt=analysis.format, runs=fmt_int(len(analysis.runs), lang),
                 lines=fmt_int(analysis.lines, lang))


def to_markdown(analysis, lang="en"):
    """The whole report as Markdown: per run, the evidence table, the facts, the findings."""
    out = [f"_{_summary(analysis, lang)}_", ""]
    for r in analysis.runs:
        out += [f"## {label('title.run', lang, n=r.run.index + 1)}", ""]
        out += evidence_table(r, lang)
        facts = fact_lines(r.facts, lang)
        if facts:
            sep = label("sep", lang)
            out += [f"### {label('title.facts', lang)}", ""] + [f"- {k}{sep}{v}" for k, v in facts] + [""]
        out += [f"### {label('title.findings', lang)}", ""]
        if not r.findings:
            out += [label("title.no_findings", lang), ""]
        for f in r.findings:
            steps = _steps_note(f.steps, lang)
            out.append(f"- **{label('sev.' + f.severity, lang)} · `{f.code}`**{steps}{label('sep', lang)}{message(f, lang)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def evidence_table(result, lang="en", heading=True):
    """The evidence table as markdown lines (empty when the run has no evals); heading=False
    gives the bare table, for pages that title it themselves."""
    rows = table_rows(result, lang, markdown=True)
    if not rows:
        return []
    lines = [f"### {label('title.evidence', lang)}", ""] if heading else []
    lines += ["| " + " | ".join(_header(lang, result.facts)) + " |", "|---:|---:|---:|---:|---:|:---|"]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return lines + [""]


# -- text -------------------------------------------------------------------------------------------
def to_text(analysis, lang="en", color=False, width=100):
    """The whole report for a terminal, wrapped at `width` columns, in colour if asked."""
    def paint(s, code):
        return f"{code}{s}{RESET}" if color else s

    out = [_summary(analysis, lang)]
    for r in analysis.runs:
        out += ["", paint(label("title.run", lang, n=r.run.index + 1), BOLD)]
        facts = fact_lines(r.facts, lang)
        if facts:
            out.append("  " + label("title.facts", lang))
            out += [f"    {k}{label('sep', lang)}{v}" for k, v in facts]
        rows = table_rows(r, lang)
        if rows:
            out.append("  " + label("title.evidence", lang))
            table = [_header(lang, r.facts)] + [list(row) for row in rows]
            widths = [max(display_width(row[i]) for row in table) for i in range(5)]
            for row in table:
                cells = [_pad(row[i], widths[i], right=i > 0 or row is not table[0]) for i in range(5)]
                out.append("    " + "  ".join(cells) + "  " + row[5])
        out.append("  " + label("title.findings", lang))
        if not r.findings:
            out.append("    " + label("title.no_findings", lang))
        for f in r.findings:
            steps = _steps_note(f.steps, lang)
            out.append("    " + paint(f"[{label('sev.' + f.severity, lang)}] {f.code}", COLORS[f.severity]) + steps)
            # Chinese has no spaces to break at and takes two columns a character
            wrap = width // 2 if lang == "zh-Hant" else width
            out += textwrap.wrap(message(f, lang), width=wrap, initial_indent="      ", subsequent_indent="      ",
                                 break_on_hyphens=False)
    return "\n".join(out) + "\n"


def display_width(s):
    """Terminal columns of s: wide and full-width characters (CJK) take two (Unicode's East Asian Width)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in s)


def _pad(s, width, right=True):
    fill = " " * (width - display_width(s))
    return fill + s if right else s + fill


# -- json -----------------------------------------------------------------------------------------------
def _num(x):
    """JSON-safe number: non-finite -> None, numpy scalars -> Python."""
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        return x if math.isfinite(x) else None
    return x


def _clean(value):
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return _num(value)


def write_json(analysis, out, lang="en"):
    """Stream the JSON document to the text file `out` (iters are written a chunk at a time)."""
    sentinel = analysis.format_class.mfu_sentinel
    out.write('{"format": ' + json.dumps(analysis.format) + ', "runs": [')
    for k, r in enumerate(analysis.runs):
        run = r.run
        out.write(", " if k else "")
        out.write('{"iters": [')
        for start in range(0, len(run.iters), 4096):
            items = []
            for i in range(start, min(start + 4096, len(run.iters))):
                mfu = run.mfu[i]
                items.append({"iter": run.iters[i], "loss": _num(run.loss[i]), "time_ms": _num(run.time_ms[i]),
                              "mfu": None if mfu == sentinel else _num(mfu)})
            out.write((", " if start else "") + ", ".join(json.dumps(it) for it in items))
        evals = [{"step": s, "train_loss": _num(tr), "val_loss": _num(v)}
                 for s, tr, v in zip(run.eval_steps, run.eval_train, run.eval_val)]
        findings = [{"code": f.code, "severity": f.severity, "steps": [int(s) for s in f.steps],
                     "evidence": _clean(f.evidence), "message": message(f, lang)} for f in r.findings]
        out.write('], "evals": ' + json.dumps(evals) + ', "findings": ' + json.dumps(findings, ensure_ascii=False)
                  + ', "facts": ' + json.dumps(_clean(r.facts), ensure_ascii=False) + "}")
    out.write("]}\n")


def to_json(analysis, lang="en"):
    """The JSON document as a string."""
    import io
    buf = io.StringIO()
    write_json(analysis, buf, lang)
    return buf.getvalue()

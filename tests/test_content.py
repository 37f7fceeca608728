"""The guide pages: every computed number comes from the values files, and the seven
corrections of the seed notes are made in every language."""
import json
import re
from pathlib import Path

import pytest

from trainer.i18n import LANGS

REPO = Path(__file__).resolve().parents[1]
GUIDE = ('plateau.md', 'capacity.md', 'reading-output.md', 'diagnose.md', 'reproduce.md')
# The seven seed errors the content issue lists, marked where each page corrects them
# as <!-- correction: N --> followed by a "common explanation" / "what happens" pair.
CORRECTIONS = {str(n) for n in range(1, 8)}

FENCE = re.compile(r"^([ \t>]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.M | re.S)
CODE_SPAN = re.compile(r"`[^`\n]+`")
VALUE_REF = re.compile(r"\[\[[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+(?:\|de)?\]\]")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
INCLUDE = re.compile(r'^\s*--8<--.*$', re.M)
MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)


def prose(text):
    """What a writer typed as words: no code, math, includes, link targets or value references."""
    for pattern in (FENCE, COMMENT, INCLUDE, MATH, CODE_SPAN, VALUE_REF, LINK_TARGET):
        text = pattern.sub(' ', text)
    return text


def values():
    """{(experiment, key): entry} from every committed values file."""
    out = {}
    for path in sorted((REPO / 'snippets' / 'values').glob('*.json')):
        for key, entry in json.loads(path.read_text(encoding='utf-8')).items():
            out[(path.stem, key)] = entry
    return out


def distinctive(text):
    """A value text long enough that finding it in prose cannot be chance: at least four
    digits, or a decimal number (1.23, 4,56) with at least three digits."""
    digits = re.sub(r'\D', '', text)
    return len(digits) >= 4 or (len(digits) >= 3 and re.search(r'\d[.,]\d', text) is not None)


def number_in(needle, haystack):
    """`needle` in `haystack` as a whole number (not inside a longer one)."""
    return re.search(r'(?<![\d.,])' + re.escape(needle) + r'(?![\d]|[.,]\d)', haystack) is not None


def pages():
    return [(lang, name) for lang in LANGS for name in GUIDE]


@pytest.mark.parametrize('lang,name', pages(), ids=[f'{lang}/{name}' for lang, name in pages()])
def test_no_computed_number_is_typed_by_hand(lang, name):
    path = REPO / 'docs' / lang / name
    if not path.exists():
        pytest.fail(f"{path.relative_to(REPO)} is missing")
    typed = prose(path.read_text(encoding='utf-8'))
    # numbers that are the notes' own (the config and the log they quote, the LR they claim) or
    # nanoGPT's defaults they rely on (warmup 2000) may be typed: inputs, not results
    notes_inputs = {'2.5e-4', '2,5e-4', '2,5·10⁻⁴', '2000', '14,500', '14 500', '14\u202f500', '14\u00a0500', '13,500', '13 500', '13\u202f500',
                    '13\u00a0500', '14,000', '14 000', '14\u202f000', '14\u00a0000', '20,000', '20 000',
                    '20\u202f000', '20\u00a0000', '3.5696', '3,5696', '3.6415', '3,6415', '10.87', '10,87'}
    found = []
    for (exp, key), entry in values().items():
        text = entry.get(lang)
        if text is None or not distinctive(text) or text in notes_inputs:
            continue
        if number_in(text, typed):
            found.append(f"{text!r} (= [[{exp}.{key}]])")
    assert not found, (f"docs/{lang}/{name} types computed numbers by hand; write the [[...]] reference "
                       f"instead: {', '.join(sorted(found))}")


def test_the_detector_catches_a_typed_value():
    entry_text = '40.56M'
    assert distinctive(entry_text)
    assert number_in(entry_text, prose('The model has 40.56M parameters.'))
    assert not number_in(entry_text, prose('The model has [[seeds_arithmetic.params_384]] parameters.'))
    assert not number_in(entry_text, prose('```\nnumber of parameters: 40.56M\n```'))
    assert not number_in('1.234', prose('a value of 11.2345'))


@pytest.mark.parametrize('lang', LANGS)
def test_all_seven_corrections_are_made_in_every_language(lang):
    found = set()
    for name in GUIDE:
        path = REPO / 'docs' / lang / name
        text = path.read_text(encoding='utf-8') if path.exists() else ''
        for m in re.finditer(r'<!-- correction: (\S+) -->\s*\n!!! failure [^\n]+\n(.*?)\n!!! success ', text, re.S):
            found.add(m.group(1))
    missing = sorted(CORRECTIONS - found)
    assert not missing, (f"docs/{lang}: corrections {missing} are not marked as "
                         "<!-- correction: N --> + !!! failure + !!! success")


# Words that may follow a count without "de": conjunctions, prepositions, verbs' auxiliaries.
NOT_A_NOUN = {'es': {'y', 'e', 'o', 'u', 'a', 'en', 'por', 'para', 'con', 'sin', 'que', 'frente', 'contra',
                     'según', 'hasta', 'desde', 'más', 'menos', 'son', 'es', 'no', 'hacia', 'tras', 'sobre',
                     'entre', 'durante', 'antes', 'después', 'cuando', 'si', 'ya', 'como'},
              'fr': {'et', 'ou', 'à', 'en', 'par', 'pour', 'avec', 'sans', 'que', 'contre', 'selon', 'jusqu',
                     'depuis', 'plus', 'moins', 'sont', 'est', 'ne', 'au', 'aux', 'vers', 'après', 'avant', 'sur',
                     'entre', 'pendant', 'quand', 'si', 'déjà', 'soit', 'comme'}}


@pytest.mark.parametrize('lang', ['es', 'fr'])
def test_a_count_in_words_before_a_noun_takes_de(lang):
    # "7602 millones tokens" is not Spanish: the page writes [[name.key|de]] tokens
    # (hooks/values.py), which gives "7602 millones de tokens", and "524 288 tokens" for a plain number.
    from trainer.i18n.numbers import SCALE_WORDS
    table = values()
    missing = []
    for name in GUIDE + ('index.md', 'gallery.md'):
        path = REPO / 'docs' / lang / name
        text = prose_keep_refs(path.read_text(encoding='utf-8')) if path.exists() else ''
        for m in re.finditer(r'\[\[([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\]\]\s+(\w+)', text):
            entry = table.get((m.group(1), m.group(2)), {})
            word = m.group(3)
            if entry.get(lang, '').endswith(SCALE_WORDS[lang]) and word.islower() and word not in NOT_A_NOUN[lang]:
                missing.append(m.group(0))
    assert not missing, f"docs/{lang}: write [[name.key|de]] before a noun: {missing}"


def prose_keep_refs(text):
    """prose() without removing the value references."""
    for pattern in (FENCE, COMMENT, INCLUDE, MATH, CODE_SPAN, LINK_TARGET):
        text = pattern.sub(' ', text)
    return text


def test_spanish_percentages_take_the_article():
    # "supone el 47,6 % del modelo", "pasó del 11 % al 9 %": a percentage in a Spanish
    # sentence is a noun phrase with its determiner.
    table = values()
    bare = []
    for name in GUIDE + ('index.md', 'gallery.md'):
        path = REPO / 'docs' / 'es' / name
        text = prose_keep_refs(path.read_text(encoding='utf-8')) if path.exists() else ''
        for m in re.finditer(r'(\S+)\s+\**\[\[([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\]\]', text):
            if table.get((m.group(2), m.group(3)), {}).get('es', '').endswith('%'):
                if m.group(1).lower().strip('(¿¡*') not in ('el', 'del', 'al', 'un', 'los', 'las', 'unos'):
                    bare.append(m.group(0).replace('\n', ' '))
    assert not bare, f"docs/es: a percentage needs its article (el, del, al, un): {bare}"

"""trainer/i18n/typography.py: French spacing and apostrophes, unbreakable numbers, zh-Hant punctuation."""
import pytest

from trainer.i18n.typography import problems, typeset

NBSP, NNBSP = '\u00a0', '\u202f'


@pytest.mark.parametrize('text,want', [
    ("Note: l'analyseur", f"Note{NBSP}: l’analyseur"),
    ("vraiment ? oui ! puis ; fin", f"vraiment{NNBSP}? oui{NNBSP}! puis{NNBSP}; fin"),
    ("vraiment? oui!", f"vraiment{NNBSP}? oui{NNBSP}!"),
    ("« plateau »", f"«{NNBSP}plateau{NNBSP}»"),
    (f"déjà{NBSP}; typé{NNBSP}; bien{NBSP}:", f"déjà{NNBSP}; typé{NNBSP}; bien{NBSP}:"),
    ("14 500 itérations, 12,3 % et 7,6 milliards", f"14{NNBSP}500 itérations, 12,3{NBSP}% et 7,6{NBSP}milliards"),
    ("la perte d'`iter` : ok", f"la perte d’`iter`{NBSP}: ok"),
])
def test_french(text, want):
    assert typeset(text, 'fr') == want


@pytest.mark.parametrize('text', [
    "`step 2000: train loss 1.9`", "{x:.2f}", "http://example.org/a?b=c;d", r"\(a: b\)", "$x ; y$",
    "&amp;", "à 10:30", "<a title='x ; y'>",
])
def test_french_leaves_code_fields_urls_math_and_html_alone(text):
    assert typeset(text, 'fr') == text


def test_spanish_numbers_do_not_break():
    assert typeset('tras 14 500 iteraciones, el 47,6 % y 7 340 millones', 'es') == \
        f'tras 14{NBSP}500 iteraciones, el 47,6{NBSP}% y 7{NBSP}340{NBSP}millones'
    assert typeset('1000 pasos; nota: sí', 'es') == '1000 pasos; nota: sí'  # no French rules


@pytest.mark.parametrize('text,want', [
    ('每次迭代時間(毫秒)', '每次迭代時間（毫秒）'),
    ('模型(層/頭/n_embd)', '模型（層/頭/n_embd）'),
    ('共 3 秒 之後 76億 個 token', '共 3 秒之後 76億個 token'),
    ('每次迭代\n時間', '每次迭代時間'),
    ('時間（毫秒） 與', '時間（毫秒）與'),
    ('get_lr(it) 的值', 'get_lr(it) 的值'),
    ('`f(x)`之後', '`f(x)`之後'),
    ('`overfitting` (步數 700, 1,200)：', '`overfitting`（步數 700、1,200）：'),
    ('隨機種子：1, 2, 3 · 步數：1,200, 2,000, …', '隨機種子：1、2、3 · 步數：1,200、2,000、…'),
    ('T4 (fp16)', 'T4 (fp16)'),
])
def test_traditional_chinese(text, want):
    assert typeset(text, 'zh-Hant') == want


def test_english_is_left_as_typed_and_problems_lists_the_changes():
    assert typeset("Note: x ; y", 'en') == "Note: x ; y"
    assert problems("Note: x", 'fr') and problems(f"Note{NBSP}: x", 'fr') == []

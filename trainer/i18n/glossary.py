"""One glossary per language: the word the site uses for each concept, and the variants it does not.

Pages, figure labels, tables, values and analyzer messages all follow it;
tests/test_glossary.py reads every catalog, every generated fragment and
figure, and the prose of every page (code, log lines and identifiers aside)
and fails on a variant. Each choice is the word practitioners of that language
write, with the reason in `why`.

    GLOSSARY[lang]               the terms of one language
    word(concept, lang)          the word for an English concept ('token', 'schedule', ...)
    variants_in(text, lang)      [(term, matched text)] for every variant in `text`
"""
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    concept: str   # the English term
    word: str      # the word this language uses
    avoid: str     # a regular expression of the variants it does not use
    why: str


GLOSSARY = {
    "es": (
        Term("schedule", "calendario", r"(?<!otro )\bprogramas?\b",
             "«calendario de la tasa de aprendizaje»: qué valor toca en cada paso; «programa» se lee como "
             "software (y lo es en «el registro de otro programa»)"),
        Term("split", "partición", r"\bsplits?\b",
             "«partición de entrenamiento / de validación»; el anglicismo solo en identificadores"),
        Term("warmup", "calentamiento", r"\bwarm-?ups?\b",
             "«calentamiento» es el término habitual en los cursos y artículos en español; `warmup_iters` "
             "queda en el código"),
        Term("token", "token", r"\bfichas?\b(?!\s+del?\b)|\bsímbolos? léxicos?\b",
             "en español se escribe «token»; las traducciones literales no se usan en la práctica"),
        Term("trainer", "código de entrenamiento", r"\bentrenador(?:es)?\b",
             "un entrenador es una persona; nuestro código es el código de entrenamiento"),
        Term("log", "registro", r"\blogs?\b",
             "«registro de entrenamiento»; «log» solo en nombres de archivo y opciones"),
    ),
    "fr": (
        Term("token", "jeton", r"\btokens?\b",
             "« jeton » est le terme des documentations francophones (Microsoft, Google, OpenAI) et de la "
             "littérature TAL ; « token » reste dans les identifiants et les lignes de log"),
        Term("tokenizer", "tokeniseur", r"\btokenizers?\b", "francisé comme les autres outils"),
        Term("step", "pas", r"\bétapes?\b",
             "un pas d’optimisation ; « étape » désigne une étape de procédure, pas une mise à jour"),
        Term("schedule", "calendrier", r"(?<!autre )\bprogrammes?\b",
             "« calendrier du taux d’apprentissage » : la valeur prévue à chaque pas ; « programme » se lit "
             "comme un logiciel"),
        Term("split", "partition", r"\bsplits?\b", "partition d’entraînement / de validation"),
        Term("warmup", "warmup", r"préchauffage|échauffement",
             "les praticiens disent « warmup » (comme `warmup_iters`) ; « préchauffage » n’est pas en usage"),
        Term("run", "entraînement", r"\bruns?\b",
             "un entraînement (ou une exécution) ; l’anglicisme « run » ne s’écrit pas dans un texte soigné"),
        Term("trainer", "code d’entraînement", r"entraîneur",
             "un entraîneur est une personne (coach) ; notre code est le code d’entraînement"),
    ),
    "zh-Hant": (
        Term("token", "token", r"詞元|符記",
             "台灣的從業者與科技媒體多直接寫 token，也與程式裡的名稱一致"),
        Term("shard", "shard", r"分片", "資料 shard 沿用原文，與 `--shards` 選項一致"),
        Term("epoch", "epoch", r"輪數|\d\s*輪|多輪|每一?輪",
             "台灣的從業者多直接說 epoch；「輪」是對岸的說法"),
        Term("log", "日誌", r"記錄檔|的記錄(?!下)",
             "訓練輸出的 log 是「日誌」；「記錄」留給動詞（有記錄的迭代）"),
        Term("warmup", "暖身", r"\bwarm-?ups?\b|預熱", "台灣用「暖身」；`warmup_iters` 留在程式碼中"),
        Term("optimizer", "最佳化器", r"優化器", "台灣用語：最佳化"),
        Term("activation", "活化值", r"激活", "台灣用語：活化"),
        Term("compute", "運算能力", r"算力", "台灣用語：運算能力"),
        Term("data", "資料", r"數據", "台灣用語：資料（data）、基本資訊（facts）"),
        Term("template", "範本", r"模板", "台灣用語：範本"),
        Term("print", "印出", r"列印", "「列印」是印到紙上；程式輸出是「印出」"),
        Term("case study", "案例研究", r"種子筆記",
             "「種子筆記」是 seed notes 的直譯；這份素材就是本站的案例研究"),
        Term("profile", "執行模式",
             r"設定檔[：:]\s*`?(?:cpu|gpu|smoke)|(?:cpu|gpu|smoke|CPU|GPU)`?\s*設定檔|(?:哪個|哪種)設定檔|^#+\s*設定檔",
             "cpu/gpu/smoke 是實驗的執行模式；「設定檔」只指 config 檔"),
    ),
}

_COMPILED = {lang: [(term, re.compile(term.avoid, re.M)) for term in terms] for lang, terms in GLOSSARY.items()}


def word(concept, lang):
    """The word `lang` uses for the English `concept`; the concept itself for English."""
    for term in GLOSSARY.get(lang, ()):
        if term.concept == concept:
            return term.word
    if lang == "en":
        return concept
    raise KeyError(f"glossary: no {lang!r} word for {concept!r}")


def variants_in(text, lang):
    """[(term, the variant as written)] for every variant of the glossary in `text`."""
    return [(term, m.group(0)) for term, pattern in _COMPILED.get(lang, ()) for m in pattern.finditer(text)]

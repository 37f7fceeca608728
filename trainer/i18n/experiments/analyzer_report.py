"""Strings of gallery/analyzer_report.py."""

STRINGS = {
    'analyzer_report.title': {'en': 'The analyzer on a real run', 'es': 'El analizador sobre una ejecución real',
                              'fr': "L'analyseur sur un vrai entraînement", 'zh-Hant': '分析器檢查一次真實訓練'},
    'analyzer_report.plot_title': {'en': 'A single-shard run, as the analyzer sees it',
                                   'es': 'Una ejecución con un solo shard, vista por el analizador',
                                   'fr': "Un entraînement sur un seul shard, vu par l'analyseur",
                                   'zh-Hant': '單一 shard 的訓練，分析器眼中的樣子'},
}

"""Strings of gallery/seeds_diagnosis.py."""

STRINGS = {
    'seeds_diagnosis.title': {
        'en': "The seeds' run through the analyzer", 'es': 'La ejecución de las notas, pasada por el analizador',
        'fr': "L'entraînement des notes passé à l'analyseur", 'zh-Hant': '用分析器檢查案例研究中的那次訓練'},
    'seeds_diagnosis.loss_title': {
        'en': "The seeds' run (rebuilt log), with the analyzer's findings",
        'es': 'La ejecución de las notas (registro reconstruido), con los hallazgos del analizador',
        'fr': "L'entraînement des notes (journal reconstitué), avec les constats de l'analyseur",
        'zh-Hant': '案例研究中的訓練（重建的日誌）與分析器的發現'},
    'seeds_diagnosis.col_file': {
        'en': 'train tokens in the file', 'es': 'tokens de entrenamiento en el archivo',
        'fr': "jetons d'entraînement dans le fichier", 'zh-Hant': '檔案中的訓練 token 數'},
    'seeds_diagnosis.col_epochs': {
        'en': 'epochs at {it}', 'es': 'épocas en {it}', 'fr': 'époques à {it}', 'zh-Hant': '第 {it} 次迭代時的 epoch 數'},
    'seeds_diagnosis.col_epochs_end': {
        'en': 'epochs at {it} (end)', 'es': 'épocas en {it} (final)', 'fr': 'époques à {it} (fin)',
        'zh-Hant': '第 {it} 次迭代（結束）時的 epoch 數'},
}

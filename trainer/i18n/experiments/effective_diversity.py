"""Strings of gallery/effective_diversity.py."""

STRINGS = {
    'effective_diversity.title': {
        'en': 'Effective diversity: repeats, near-duplicates and new text at an equal token budget',
        'es': 'Diversidad efectiva: repeticiones, casi duplicados y texto nuevo con el mismo presupuesto de tokens',
        'fr': 'Diversité effective : répétitions, quasi-doublons et texte nouveau à budget de jetons égal',
        'zh-Hant': '有效多樣性：相同 token 預算下的重複、近似重複與新文本'},
    # the sets as the script builds them: one play (P['plays'] == 1)
    'effective_diversity.repeat': {
        'en': 'one play, repeated', 'es': 'una obra, repetida', 'fr': 'une pièce, répétée', 'zh-Hant': '一部劇作，重複訓練'},
    'effective_diversity.twins': {
        'en': 'one play + its Folio twin', 'es': 'una obra + su gemela del Folio', 'fr': 'une pièce + sa jumelle du Folio',
        'zh-Hant': '一部劇作＋它的對開本孿生版'},
    'effective_diversity.distinct': {
        'en': 'two different plays', 'es': 'dos obras distintas', 'fr': 'deux pièces différentes',
        'zh-Hant': '兩部不同劇作'},
    'effective_diversity.folio': {
        'en': 'one play, Folio spelling only', 'es': 'una obra, solo con la ortografía del Folio',
        'fr': 'une pièce, orthographe du Folio seule', 'zh-Hant': '一部劇作，僅對開本拼寫'},
    'effective_diversity.short_repeat': {'en': 'repeat', 'es': '1 obra repetida', 'fr': 'répétée', 'zh-Hant': '重複'},
    'effective_diversity.short_twins': {'en': '+ twins', 'es': '+ gemela', 'fr': '+ jumelle', 'zh-Hant': '＋孿生版'},
    'effective_diversity.short_distinct': {'en': '2 plays', 'es': '2 obras', 'fr': '2 pièces', 'zh-Hant': '2 部劇作'},
    'effective_diversity.short_folio': {'en': 'Folio', 'es': 'Folio', 'fr': 'Folio', 'zh-Hant': '對開本'},
    'effective_diversity.val_axis': {
        'en': 'val loss (held-out plays, modern spelling)', 'es': 'pérdida de validación (obras reservadas, ortografía moderna)',
        'fr': 'perte de validation (pièces réservées, orthographe moderne)', 'zh-Hant': '驗證損失（保留劇作，現代拼寫）'},
    'effective_diversity.curves_title': {
        'en': 'Same token budget, four training sets (mean and range of {n} seeds)',
        'es': 'Mismo presupuesto de tokens, cuatro conjuntos de entrenamiento (media y rango de {n} semillas)',
        'fr': 'Même budget de jetons, quatre jeux d’entraînement (moyenne et écart de {n} graines)',
        'zh-Hant': '相同 token 預算、四種訓練集（{n} 個隨機種子的平均與範圍）'},
    'effective_diversity.tokens': {'en': 'training tokens', 'es': 'tokens de entrenamiento',
                                   'fr': 'jetons d’entraînement', 'zh-Hant': '訓練 token 數'},
    'effective_diversity.grams': {'en': 'distinct {n}-grams', 'es': '{n}-gramas distintos', 'fr': '{n}-grammes distincts',
                                  'zh-Hant': '不同的 {n}-gram 數'},
    'effective_diversity.millions': {'en': 'millions', 'es': 'millones', 'fr': 'millions', 'zh-Hant': '百萬'},
    'effective_diversity.grams_title': {
        'en': 'Raw tokens against distinct character 8-grams', 'es': 'Tokens brutos frente a 8-gramas de caracteres distintos',
        'fr': 'Jetons bruts et 8-grammes de caractères distincts', 'zh-Hant': '原始 token 數與不同的字元 8-gram 數'},
    'effective_diversity.col_set': {'en': 'training set', 'es': 'conjunto de entrenamiento', 'fr': 'jeu d’entraînement',
                                    'zh-Hant': '訓練集'},
    'effective_diversity.col_new': {'en': '8-grams the repeated set lacks', 'es': '8-gramas que no tiene el conjunto repetido',
                                    'fr': '8-grammes absents du jeu répété', 'zh-Hant': '重複訓練集沒有的 8-gram'},
    'effective_diversity.col_val': {'en': 'final val loss', 'es': 'pérdida de validación final',
                                    'fr': 'perte de validation finale', 'zh-Hant': '最終驗證損失'},
    'effective_diversity.note': {
        'en': 'Every set trains on the same {tokens} tokens; the epochs differ with the size of the set.',
        'es': 'Cada conjunto entrena con los mismos {tokens} tokens; las épocas cambian con el tamaño del conjunto.',
        'fr': 'Chaque jeu s’entraîne sur les mêmes {tokens} jetons\u00a0; les époques varient avec sa taille.',
        'zh-Hant': '每個訓練集都訓練同樣的 {tokens} 個 token；epoch 數隨訓練集大小而不同。'},
}

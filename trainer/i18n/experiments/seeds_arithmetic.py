"""Strings of gallery/seeds_arithmetic.py."""

STRINGS = {
    'seeds_arithmetic.title': {
        'en': "The seeds' run, computed: tokens, parameters, learning rate, FLOPs",
        'es': 'La ejecución de las notas, calculada: tokens, parámetros, tasa de aprendizaje, FLOPs',
        'fr': "L'entraînement des notes, calculé\u00a0: jetons, paramètres, taux d'apprentissage, FLOPs",
        'zh-Hant': '案例研究中那次訓練的實際數字：token、參數、學習率、FLOPs'},
    'seeds_arithmetic.model': {'en': '12/12/{C} ({params})', 'es': '12/12/{C} ({params})',
                               'fr': '12/12/{C} ({params})', 'zh-Hant': '12/12/{C}（{params}）'},
    'seeds_arithmetic.chinchilla_line': {
        'en': 'Chinchilla: {n} tokens per parameter', 'es': 'Chinchilla: {n} tokens por parámetro',
        'fr': 'Chinchilla\u00a0: {n} jetons par paramètre', 'zh-Hant': 'Chinchilla：每參數 {n} 個 token'},
    'seeds_arithmetic.pasted_at': {'en': 'log pasted at {it}', 'es': 'registro pegado en {it}',
                                   'fr': 'journal collé à {it}', 'zh-Hant': '貼出記錄時：第 {it} 次迭代'},
    'seeds_arithmetic.tpp_title': {
        'en': 'Tokens seen per parameter, {tpi} tokens per iteration',
        'es': 'Tokens vistos por parámetro, {tpi} tokens por iteración',
        'fr': 'Jetons vus par paramètre, {tpi} jetons par itération',
        'zh-Hant': '每參數已見 token 數（每次迭代 {tpi} 個 token）'},
    'seeds_arithmetic.col_term': {'en': 'term', 'es': 'término', 'fr': 'terme', 'zh-Hant': '項目'},
    'seeds_arithmetic.col_formula': {'en': 'formula', 'es': 'fórmula', 'fr': 'formule', 'zh-Hant': '公式'},
    'seeds_arithmetic.row_wte': {
        'en': 'token embedding wte (tied with lm_head)', 'es': 'embedding de tokens wte (compartido con lm_head)',
        'fr': 'embedding des jetons wte (partagé avec lm_head)', 'zh-Hant': 'token 嵌入 wte（與 lm_head 共用）'},
    'seeds_arithmetic.row_block': {'en': 'one block', 'es': 'un bloque', 'fr': 'un bloc', 'zh-Hant': '單一區塊'},
    'seeds_arithmetic.row_blocks': {'en': '{L} blocks', 'es': '{L} bloques', 'fr': '{L} blocs', 'zh-Hant': '{L} 個區塊'},
    'seeds_arithmetic.row_ln_f': {'en': 'final LayerNorm ln_f', 'es': 'LayerNorm final ln_f',
                                  'fr': 'LayerNorm finale ln_f', 'zh-Hant': '最後的 LayerNorm ln_f'},
    'seeds_arithmetic.row_total': {'en': 'total = get_num_params()', 'es': 'total = get_num_params()',
                                   'fr': 'total = get_num_params()', 'zh-Hant': '合計 = get_num_params()'},
    'seeds_arithmetic.row_printed': {'en': 'as nanoGPT prints it', 'es': 'tal como lo imprime nanoGPT',
                                     'fr': "tel que nanoGPT l'affiche", 'zh-Hant': 'nanoGPT 印出的樣子'},
    'seeds_arithmetic.row_wpe': {
        'en': 'position embedding wpe (not counted)', 'es': 'embedding de posiciones wpe (no se cuenta)',
        'fr': 'embedding des positions wpe (non compté)', 'zh-Hant': '位置嵌入 wpe（不計入）'},
    'seeds_arithmetic.row_flops': {'en': 'FLOPs per token', 'es': 'FLOPs por token', 'fr': 'FLOPs par jeton',
                                   'zh-Hant': '每個 token 的 FLOPs'},
    'seeds_arithmetic.row_chinchilla': {'en': 'Chinchilla tokens', 'es': 'tokens según Chinchilla',
                                        'fr': 'jetons selon Chinchilla', 'zh-Hant': 'Chinchilla 建議的 token 數'},
    'seeds_arithmetic.col_lr_warmup': {
        'en': 'LR, warmup {n} (nanoGPT default)', 'es': 'LR, calentamiento {n} (valor por defecto de nanoGPT)',
        'fr': 'LR, warmup de {n} (défaut de nanoGPT)', 'zh-Hant': 'LR，暖身 {n}（nanoGPT 預設）'},
    'seeds_arithmetic.col_lr_nowarmup': {'en': 'LR, no warmup', 'es': 'LR, sin calentamiento',
                                         'fr': 'LR, sans warmup', 'zh-Hant': 'LR，無暖身'},
}

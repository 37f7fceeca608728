"""Strings of gallery/case_study_arithmetic.py."""

STRINGS = {
    'case_study_arithmetic.title': {
        'en': "The case study's run, computed: tokens, parameters, learning rate, FLOPs, epochs",
        'es': 'La ejecución del caso de estudio, calculada: tokens, parámetros, tasa de aprendizaje, FLOPs, épocas',
        'fr': "L'entraînement de l'étude de cas, calculé\u00a0: jetons, paramètres, taux d'apprentissage, FLOP, époques",
        'zh-Hant': '案例研究中那次訓練的實際數字：token、參數、學習率、FLOPs、epoch'},
    'case_study_arithmetic.model': {'en': '12/12/{C} ({params})', 'es': '12/12/{C} ({params})',
                               'fr': '12/12/{C} ({params})', 'zh-Hant': '12/12/{C}（{params}）'},
    'case_study_arithmetic.chinchilla_line': {
        'en': 'Chinchilla: {n} tokens per parameter', 'es': 'Chinchilla: {n} tokens por parámetro',
        'fr': 'Chinchilla\u00a0: {n} jetons par paramètre', 'zh-Hant': 'Chinchilla：每參數 {n} 個 token'},
    'case_study_arithmetic.pasted_at': {'en': 'log pasted at {it}', 'es': 'registro pegado en {it}',
                                   'fr': 'journal collé à {it}', 'zh-Hant': '貼出日誌時：第 {it} 次迭代'},
    'case_study_arithmetic.tpp_title': {
        'en': 'Tokens seen per parameter, {tpi} tokens per iteration',
        'es': 'Tokens vistos por parámetro, {tpi} tokens por iteración',
        'fr': 'Jetons vus par paramètre, {tpi} jetons par itération',
        'zh-Hant': '每參數已見 token 數（每次迭代 {tpi} 個 token）'},
    'case_study_arithmetic.col_term': {'en': 'term', 'es': 'término', 'fr': 'terme', 'zh-Hant': '項目'},
    'case_study_arithmetic.col_formula': {'en': 'formula', 'es': 'fórmula', 'fr': 'formule', 'zh-Hant': '公式'},
    'case_study_arithmetic.row_wte': {
        'en': 'token embedding wte (tied with lm_head)', 'es': 'embedding de tokens wte (compartido con lm_head)',
        'fr': 'embedding des jetons wte (partagé avec lm_head)', 'zh-Hant': 'token 嵌入 wte（與 lm_head 共用）'},
    'case_study_arithmetic.row_block': {'en': 'one block', 'es': 'un bloque', 'fr': 'un bloc', 'zh-Hant': '單一區塊'},
    'case_study_arithmetic.row_blocks': {'en': '{L} blocks', 'es': '{L} bloques', 'fr': '{L} blocs', 'zh-Hant': '{L} 個區塊'},
    'case_study_arithmetic.row_ln_f': {'en': 'final LayerNorm ln_f', 'es': 'LayerNorm final ln_f',
                                  'fr': 'LayerNorm finale ln_f', 'zh-Hant': '最後的 LayerNorm ln_f'},
    'case_study_arithmetic.row_total': {'en': 'total = get_num_params()', 'es': 'total = get_num_params()',
                                   'fr': 'total = get_num_params()', 'zh-Hant': '合計 = get_num_params()'},
    'case_study_arithmetic.row_printed': {'en': 'as nanoGPT prints it', 'es': 'tal como lo imprime nanoGPT',
                                     'fr': "tel que nanoGPT l'affiche", 'zh-Hant': 'nanoGPT 印出的樣子'},
    'case_study_arithmetic.row_wpe': {
        'en': 'position embedding wpe (not counted)', 'es': 'embedding de posiciones wpe (no se cuenta)',
        'fr': 'embedding des positions wpe (non compté)', 'zh-Hant': '位置嵌入 wpe（不計入）'},
    'case_study_arithmetic.row_flops': {'en': 'FLOPs per token', 'es': 'FLOPs por token', 'fr': 'FLOP par jeton',
                                   'zh-Hant': '每個 token 的 FLOPs'},
    'case_study_arithmetic.row_chinchilla': {'en': 'Chinchilla tokens', 'es': 'tokens según Chinchilla',
                                        'fr': 'jetons selon Chinchilla', 'zh-Hant': 'Chinchilla 建議的 token 數'},
    'case_study_arithmetic.col_count': {'en': 'get_num_params()', 'es': 'get_num_params()', 'fr': 'get_num_params()',
                                        'zh-Hant': 'get_num_params()'},
    'case_study_arithmetic.col_printed': {'en': 'as printed', 'es': 'tal como se imprime', 'fr': 'tel qu’affiché',
                                          'zh-Hant': '印出的樣子'},
    'case_study_arithmetic.col_bin': {'en': 'train.bin (GB)', 'es': 'train.bin (GB)', 'fr': 'train.bin (Go)',
                                      'zh-Hant': 'train.bin（GB）'},
    'case_study_arithmetic.col_bin_tokens': {'en': 'tokens (bytes / 2)', 'es': 'tokens (bytes / 2)',
                                             'fr': 'jetons (octets / 2)', 'zh-Hant': 'token 數（位元組 / 2）'},
    'case_study_arithmetic.col_epochs': {'en': 'epochs at {it}', 'es': 'épocas en {it}', 'fr': 'époques à {it}',
                                         'zh-Hant': '第 {it} 次迭代時的 epoch 數'},
    'case_study_arithmetic.epochs_note': {
        'en': 'train.bin holds one uint16 (2 bytes) per token, so its size in bytes / 2 is its token count. The '
              'file sizes are examples: the notes do not say how large their file is.',
        'es': 'train.bin guarda un uint16 (2 bytes) por token, así que su tamaño en bytes / 2 es su número de tokens. '
              'Los tamaños son ejemplos: las notas no dicen cuánto ocupa su archivo.',
        'fr': 'train.bin contient un uint16 (2 octets) par jeton : sa taille en octets / 2 est son nombre de jetons. '
              'Les tailles sont des exemples : les notes ne disent pas quelle taille fait leur fichier.',
        'zh-Hant': 'train.bin 每個 token 存成一個 uint16（2 位元組），所以檔案位元組數 / 2 就是 token 數。這些檔案大小'
                   '只是例子：筆記沒有說明那個檔案有多大。'},
    'case_study_arithmetic.col_lr_warmup': {
        'en': 'LR, warmup {n} (nanoGPT default)', 'es': 'LR, calentamiento {n} (valor por defecto de nanoGPT)',
        'fr': 'LR, warmup de {n} (défaut de nanoGPT)', 'zh-Hant': '學習率，暖身 {n}（nanoGPT 預設）'},
    'case_study_arithmetic.col_lr_nowarmup': {'en': 'LR, no warmup', 'es': 'LR, sin calentamiento',
                                         'fr': 'LR, sans warmup', 'zh-Hant': '學習率，無暖身'},
    'case_study_arithmetic.warmup': {
        'en': 'warmup {n} (nanoGPT default)', 'es': 'calentamiento {n} (valor por defecto de nanoGPT)',
        'fr': 'warmup de {n} (défaut de nanoGPT)', 'zh-Hant': '暖身 {n}（nanoGPT 預設）'},
    'case_study_arithmetic.nowarmup': {'en': 'no warmup', 'es': 'sin calentamiento', 'fr': 'sans warmup',
                                    'zh-Hant': '無暖身'},
    'case_study_arithmetic.lr_at': {'en': '{curve}: {lr} at {it}', 'es': '{curve}: {lr} en {it}',
                              'fr': '{curve} : {lr} à {it}', 'zh-Hant': '{curve}：第 {it} 次迭代為 {lr}'},
    'case_study_arithmetic.claimed': {'en': 'claimed: {lr}', 'es': 'según las notas: {lr}', 'fr': 'valeur avancée\u00a0: {lr}',
                             'zh-Hant': '案例研究所稱：{lr}'},
    'case_study_arithmetic.lr_title': {
        'en': "The case study's schedule: cosine {peak} → {min} over {iters} iterations",
        'es': 'El calendario de las notas: coseno {peak} → {min} en {iters} iteraciones',
        'fr': 'Le calendrier des notes\u00a0: cosinus {peak} → {min} sur {iters} itérations',
        'zh-Hant': '案例研究中的排程：餘弦 {peak} → {min}，共 {iters} 次迭代'},
}

"""Strings of gallery/modern_block.py."""

STRINGS = {
    'modern_block.title': {
        'en': "GPT-2's block against RoPE + RMSNorm + SwiGLU, at equal size and steps",
        'es': 'El bloque de GPT-2 frente a RoPE + RMSNorm + SwiGLU, a igual tamaño y pasos',
        'fr': 'Le bloc de GPT-2 face à RoPE + RMSNorm + SwiGLU, à taille et pas égaux',
        'zh-Hant': 'GPT-2 區塊對上 RoPE + RMSNorm + SwiGLU：相同參數量、相同步數'},
    'modern_block.gpt2': {
        'en': 'GPT-2 block (learned positions, LayerNorm, GELU)',
        'es': 'bloque GPT-2 (posiciones aprendidas, LayerNorm, GELU)',
        'fr': 'bloc GPT-2 (positions apprises, LayerNorm, GELU)',
        'zh-Hant': 'GPT-2 區塊（學習式位置、LayerNorm、GELU）'},
    'modern_block.modern': {
        'en': 'modern block (RoPE, RMSNorm, SwiGLU)', 'es': 'bloque moderno (RoPE, RMSNorm, SwiGLU)',
        'fr': 'bloc moderne (RoPE, RMSNorm, SwiGLU)', 'zh-Hant': '現代區塊（RoPE、RMSNorm、SwiGLU）'},
    'modern_block.legend': {'en': '{block}, {params}', 'es': '{block}, {params}', 'fr': '{block}, {params}',
                            'zh-Hant': '{block}，{params}'},
    'modern_block.fig_title': {
        'en': '{L} layers, n_embd {C}, {iters} iterations on shakespeare_char',
        'es': '{L} capas, n_embd {C}, {iters} iteraciones en shakespeare_char',
        'fr': '{L} couches, n_embd {C}, {iters} itérations sur shakespeare_char',
        'zh-Hant': '{L} 層、n_embd {C}、在 shakespeare_char 上 {iters} 次迭代'},
    'modern_block.col_block': {'en': 'block', 'es': 'bloque', 'fr': 'bloc', 'zh-Hant': '區塊'},
    'modern_block.col_params': {'en': 'parameters (get_num_params)', 'es': 'parámetros (get_num_params)',
                                'fr': 'paramètres (get_num_params)', 'zh-Hant': '參數量（get_num_params）'},
    'modern_block.col_final': {'en': 'final val loss (iter {it})', 'es': 'pérdida de validación final (iter {it})',
                               'fr': 'perte de validation finale (iter {it})', 'zh-Hant': '最終驗證損失（iter {it}）'},
    'modern_block.col_best': {'en': 'best val loss', 'es': 'mejor pérdida de validación',
                              'fr': 'meilleure perte de validation', 'zh-Hant': '最佳驗證損失'},
    'modern_block.col_ms': {'en': 'ms/iter (median, CPU)', 'es': 'ms/iter (mediana, CPU)',
                            'fr': 'ms/iter (médiane, CPU)', 'zh-Hant': '毫秒/iter（中位數，CPU）'},
    'modern_block.note': {
        'en': 'Same data, seed, batch ({tpi} tokens per iteration), learning-rate schedule and steps; only the '
              'block differs. SwiGLU keeps the MLP weight count with a hidden width of {H} (8/3·{C}) instead of '
              '{H4} (4·{C}). nanoGPT\'s count leaves out the GPT-2 model\'s {wpe} learned position weights '
              '(wpe); RoPE has none. Each val loss averages {n} batches; one eval\'s standard error is about '
              '{noise}.',
        'es': 'Mismos datos, semilla, lote ({tpi} tokens por iteración), calendario de tasa de aprendizaje y pasos; '
              'solo cambia el bloque. SwiGLU conserva el número de pesos del MLP con una capa oculta de {H} '
              '(8/3·{C}) en lugar de {H4} (4·{C}). El recuento de nanoGPT deja fuera los {wpe} pesos de posición '
              'aprendidos (wpe) del modelo GPT-2; RoPE no tiene ninguno. Cada pérdida de validación promedia {n} '
              'lotes; el error estándar de una evaluación es de unos {noise}.',
        'fr': "Mêmes données, graine, lot ({tpi} jetons par itération), calendrier de taux d'apprentissage et "
              "pas\u00a0; seul le bloc change. SwiGLU garde le nombre de poids du MLP avec une couche cachée de "
              "{H} (8/3·{C}) au lieu de {H4} (4·{C}). Le décompte de nanoGPT exclut les {wpe} poids de position "
              "appris (wpe) du modèle GPT-2\u00a0; RoPE n'en a aucun. Chaque perte de validation moyenne {n} "
              "lots\u00a0; l'erreur type d'une évaluation est d'environ {noise}.",
        'zh-Hant': '資料、隨機種子、批次（每次迭代 {tpi} 個 token）、學習率排程與步數都相同，只有區塊不同。'
                   'SwiGLU 以 {H}（8/3·{C}）而非 {H4}（4·{C}）的隱藏寬度維持 MLP 權重數。nanoGPT 的計數不含 GPT-2 '
                   '模型的 {wpe} 個學習式位置權重（wpe）；RoPE 沒有這類參數。每個驗證損失平均 {n} 個批次；'
                   '單次評估的標準誤約為 {noise}。'},
}

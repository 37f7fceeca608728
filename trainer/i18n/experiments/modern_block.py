"""Strings of gallery/modern_block.py."""

STRINGS = {
    'modern_block.title': {
        'en': "GPT-2's block against RoPE + RMSNorm + SwiGLU, at equal size, at two training lengths",
        'es': 'El bloque de GPT-2 frente a RoPE + RMSNorm + SwiGLU, a igual tamaño, con dos duraciones de entrenamiento',
        'fr': 'Le bloc de GPT-2 face à RoPE + RMSNorm + SwiGLU, à taille égale, pour deux durées d’entraînement',
        'zh-Hant': 'GPT-2 區塊對上 RoPE + RMSNorm + SwiGLU：相同參數量、兩種訓練長度'},
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
        'en': '{L} layers, n_embd {C}: the long runs (mean and range of {n} seeds), the {short}-step runs as squares',
        'es': '{L} capas, n_embd {C}: las ejecuciones largas (media y rango de {n} semillas), las de {short} pasos '
              'como cuadrados',
        'fr': '{L} couches, n_embd {C} : les entraînements longs (moyenne et écart de {n} graines), ceux de '
              '{short} pas en carrés',
        'zh-Hant': '{L} 層、n_embd {C}：長訓練（{n} 個隨機種子的平均與範圍），{short} 步的訓練以方塊表示'},
    'modern_block.col_block': {'en': 'block', 'es': 'bloque', 'fr': 'bloc', 'zh-Hant': '區塊'},
    'modern_block.col_params': {'en': 'parameters (get_num_params)', 'es': 'parámetros (get_num_params)',
                                'fr': 'paramètres (get_num_params)', 'zh-Hant': '參數量（get_num_params）'},
    'modern_block.col_final': {'en': 'val loss after {it} steps', 'es': 'pérdida de validación tras {it} pasos',
                               'fr': 'perte de validation après {it} pas', 'zh-Hant': '{it} 步後的驗證損失'},
    'modern_block.col_ms': {'en': 'ms/iter (median, CPU)', 'es': 'ms/iter (mediana, CPU)',
                            'fr': 'ms/iter (médiane, CPU)', 'zh-Hant': '每次迭代毫秒數（中位數，CPU）'},
    'modern_block.note': {
        'en': 'Same data, seeds, batch, learning-rate schedule and steps; only the block differs. SwiGLU keeps '
              'the MLP weight count with a hidden width of {H} (8/3·{C}) instead of {H4} (4·{C}); RoPE has no '
              'position weights, and nanoGPT\'s count leaves out the GPT-2 block\'s wpe.',
        'es': 'Mismos datos, semillas, lote, calendario de tasa de aprendizaje y pasos; solo cambia el bloque. '
              'SwiGLU conserva el número de pesos del MLP con una capa oculta de {H} (8/3·{C}) en lugar de {H4} '
              '(4·{C}); RoPE no tiene pesos de posición, y el recuento de nanoGPT deja fuera el wpe del bloque GPT-2.',
        'fr': "Mêmes données, graines, lot, calendrier de taux d'apprentissage et pas\u00a0; seul le bloc change. "
              "SwiGLU garde le nombre de poids du MLP avec une couche cachée de {H} (8/3·{C}) au lieu de {H4} "
              "(4·{C})\u00a0; RoPE n'a pas de poids de position, et le décompte de nanoGPT exclut le wpe du bloc GPT-2.",
        'zh-Hant': '資料、隨機種子、批次、學習率排程與步數都相同，只有區塊不同。SwiGLU 以 {H}（8/3·{C}）而非 {H4}'
                   '（4·{C}）的隱藏寬度維持 MLP 權重數；RoPE 沒有位置權重，nanoGPT 的計數也不含 GPT-2 區塊的 wpe。'},
}

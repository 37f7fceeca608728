"""Strings of gallery/chinchilla.py."""

STRINGS = {
    'chinchilla.title': {
        'en': 'Loss against tokens per parameter', 'es': 'La pérdida frente a los tokens por parámetro',
        'fr': 'La perte en fonction des jetons par paramètre', 'zh-Hant': '損失與每參數 token 數的關係'},
    'chinchilla.fig_title': {
        'en': 'Same tokens for every model ({tokens} per iteration)',
        'es': 'Los mismos tokens para cada modelo ({tokens} por iteración)',
        'fr': 'Les mêmes jetons pour chaque modèle ({tokens} par itération)',
        'zh-Hant': '每個模型看到相同的 token（每次迭代 {tokens} 個）'},
    'chinchilla.model': {'en': '{L}/{H}/{C} ({params})', 'es': '{L}/{H}/{C} ({params})',
                         'fr': '{L}/{H}/{C} ({params})', 'zh-Hant': '{L}/{H}/{C}（{params}）'},
    'chinchilla.line': {
        'en': 'Chinchilla: {n} tokens per parameter', 'es': 'Chinchilla: {n} tokens por parámetro',
        'fr': 'Chinchilla\u00a0: {n} jetons par paramètre', 'zh-Hant': 'Chinchilla：每參數 {n} 個 token'},
    'chinchilla.col_model': {'en': 'model (layers/heads/n_embd)', 'es': 'modelo (capas/cabezas/n_embd)',
                             'fr': 'modèle (couches/têtes/n_embd)', 'zh-Hant': '模型（層/頭/n_embd）'},
    'chinchilla.col_final_val': {'en': 'final val loss', 'es': 'pérdida de validación final',
                                 'fr': 'perte de validation finale', 'zh-Hant': '最終驗證損失'},
    'chinchilla.note': {
        'en': 'Parameters as nanoGPT prints them (`get_num_params()`: without the position embedding). '
              'Every run: {iters} iterations of {tpi} tokens, learning rate decayed to the end; one eval '
              'averages {batches} batches per split.',
        'es': 'Parámetros tal como los imprime nanoGPT (`get_num_params()`: sin el embedding de posición). '
              'Cada ejecución: {iters} iteraciones de {tpi} tokens, con la tasa de aprendizaje decreciendo '
              'hasta el final; cada evaluación promedia {batches} lotes por partición.',
        'fr': "Paramètres tels que nanoGPT les affiche (`get_num_params()`\u00a0: sans l'embedding de position). "
              "Chaque entraînement\u00a0: {iters} itérations de {tpi} jetons, taux d'apprentissage décroissant jusqu'à "
              "la fin\u00a0; une évaluation fait la moyenne de {batches} lots par partition.",
        'zh-Hant': '參數量為 nanoGPT 印出的數字（`get_num_params()`：不含位置嵌入）。'
                   '每次訓練：{iters} 次迭代、每次 {tpi} 個 token，學習率一路衰減到結束；'
                   '每次評估對每個資料分割平均 {batches} 個批次。'},
}

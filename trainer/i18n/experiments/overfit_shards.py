"""Strings of gallery/overfit_shards.py."""

STRINGS = {
    'overfit_shards.title': {
        'en': 'Many epochs over one shard versus the same steps over all the data',
        'es': 'Muchas épocas sobre un shard frente a los mismos pasos sobre todos los datos',
        'fr': 'Beaucoup d’époques sur un shard contre les mêmes pas sur toutes les données',
        'zh-Hant': '在單一 shard 上跑很多個 epoch，對比以相同步數跑完全部資料'},
    'overfit_shards.one': {'en': '1 shard of {n}', 'es': '1 shard de {n}', 'fr': '1 shard sur {n}',
                           'zh-Hant': '{n} 個 shard 中的 1 個'},
    'overfit_shards.all': {'en': 'all shards', 'es': 'todos los shards', 'fr': 'tous les shards',
                           'zh-Hant': '全部 shard'},
    'overfit_shards.best': {'en': 'lowest val (step {it})', 'es': 'validación mínima (paso {it})',
                            'fr': 'validation minimale (pas {it})', 'zh-Hant': '最低驗證損失（第 {it} 步）'},
    'overfit_shards.curves_title': {
        'en': 'Same model, same steps: one shard overfits, all shards do not',
        'es': 'Mismo modelo, mismos pasos: con un shard sobreajusta, con todos no',
        'fr': 'Même modèle, mêmes pas : un shard surapprend, tous les shards non',
        'zh-Hant': '相同模型、相同步數：單一 shard 過擬合，全部 shard 則不會'},
    'overfit_shards.col_data': {'en': 'training data', 'es': 'datos de entrenamiento',
                                'fr': "données d'entraînement", 'zh-Hant': '訓練資料'},
    'overfit_shards.col_tokens': {'en': 'train tokens', 'es': 'tokens de entrenamiento',
                                  'fr': "jetons d'entraînement", 'zh-Hant': '訓練 token 數'},
    'overfit_shards.col_best_step': {'en': 'best step', 'es': 'mejor paso', 'fr': 'meilleur pas',
                                     'zh-Hant': '最佳步數'},
    'overfit_shards.col_best_val': {'en': 'best val', 'es': 'mejor validación', 'fr': 'meilleure validation',
                                    'zh-Hant': '最佳驗證損失'},
    'overfit_shards.col_last_val': {'en': 'final val', 'es': 'validación final', 'fr': 'validation finale',
                                    'zh-Hant': '最終驗證損失'},
    'overfit_shards.col_last_train': {'en': 'final train', 'es': 'entrenamiento final',
                                      'fr': 'entraînement final', 'zh-Hant': '最終訓練損失'},
    'overfit_shards.col_gap': {'en': 'val − train', 'es': 'validación − entrenamiento',
                               'fr': 'validation − entraînement', 'zh-Hant': '驗證 − 訓練'},
}

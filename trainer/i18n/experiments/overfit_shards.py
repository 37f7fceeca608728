"""Strings of gallery/overfit_shards.py."""

STRINGS = {
    'overfit_shards.title': {
        'en': 'Overfitting against epochs: the same steps on 1/256 of the data up to all of it',
        'es': 'Sobreajuste frente a épocas: los mismos pasos sobre fracciones de los datos, de 1/256 a la totalidad',
        'fr': 'Surapprentissage et époques : les mêmes pas sur 1/256 des données et jusqu’à toutes',
        'zh-Hant': '過擬合與 epoch 數：以相同步數訓練 1/256 到全部的資料'},
    'overfit_shards.fraction': {'en': '1/{d} of the data', 'es': '1/{d} de los datos', 'fr': '1/{d} des données',
                                'zh-Hant': '1/{d} 的資料'},
    'overfit_shards.all': {'en': 'all the data', 'es': 'todos los datos', 'fr': 'toutes les données',
                           'zh-Hant': '全部資料'},
    'overfit_shards.train_smallest': {
        'en': 'train loss, 1/{d} of the data', 'es': 'pérdida de entrenamiento, 1/{d} de los datos',
        'fr': 'perte d’entraînement, 1/{d} des données', 'zh-Hant': '訓練損失，1/{d} 的資料'},
    'overfit_shards.curves_title': {
        'en': 'Val loss against epochs, same model and steps (mean and range of {n} seeds)',
        'es': 'Pérdida de validación frente a épocas, mismo modelo y pasos (media y rango de {n} semillas)',
        'fr': 'Perte de validation selon les époques, même modèle et mêmes pas (moyenne et écart de {n} graines)',
        'zh-Hant': '驗證損失與 epoch 數，相同模型與步數（{n} 個隨機種子的平均與範圍）'},
    'overfit_shards.col_data': {'en': 'training data', 'es': 'datos de entrenamiento',
                                'fr': 'données d’entraînement', 'zh-Hant': '訓練資料'},
    'overfit_shards.col_tokens': {'en': 'train tokens', 'es': 'tokens de entrenamiento',
                                  'fr': 'jetons d’entraînement', 'zh-Hant': '訓練 token 數'},
    'overfit_shards.col_ratio': {'en': 'parameters per token', 'es': 'parámetros por token',
                                 'fr': 'paramètres par jeton', 'zh-Hant': '每個 token 的參數量'},
    'overfit_shards.col_epochs': {'en': 'epochs in the run', 'es': 'épocas del entrenamiento',
                                  'fr': 'époques de l’entraînement', 'zh-Hant': '整次訓練的 epoch 數'},
    'overfit_shards.col_best_epochs': {'en': 'epochs at the val minimum', 'es': 'épocas en el mínimo de validación',
                                       'fr': 'époques au minimum de validation', 'zh-Hant': '驗證損失最低時的 epoch 數'},
    'overfit_shards.col_best_val': {'en': 'lowest val', 'es': 'validación mínima', 'fr': 'validation minimale',
                                    'zh-Hant': '最低驗證損失'},
    'overfit_shards.col_last_val': {'en': 'final val', 'es': 'validación final', 'fr': 'validation finale',
                                    'zh-Hant': '最終驗證損失'},
    'overfit_shards.col_rise': {'en': 'final − lowest', 'es': 'final − mínima', 'fr': 'finale − minimale',
                                'zh-Hant': '最終 − 最低'},
}

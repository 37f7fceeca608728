"""Strings of gallery/compute_optimal.py."""

STRINGS = {
    'compute_optimal.title': {
        'en': 'Compute-optimal size at toy scale: an IsoFLOP sweep',
        'es': 'Tamaño óptimo para un cómputo dado, a escala de juguete: un barrido IsoFLOP',
        'fr': 'Taille optimale à calcul fixé, à échelle réduite : un balayage IsoFLOP',
        'zh-Hant': '玩具規模下的運算最佳模型大小：IsoFLOP 掃描'},
    'compute_optimal.budget': {'en': '{c} FLOPs', 'es': '{c} FLOP', 'fr': '{c} FLOP', 'zh-Hant': '{c} FLOPs'},
    'compute_optimal.params_k': {'en': 'parameters (thousands)', 'es': 'parámetros (miles)', 'fr': 'paramètres (milliers)',
                                 'zh-Hant': '參數量（千）'},
    'compute_optimal.fig_title': {
        'en': 'Final val loss at three compute budgets; the star marks the best size (mean and range of {n} seeds)',
        'es': 'Pérdida de validación final con tres presupuestos de cómputo; la estrella marca el mejor tamaño '
              '(media y rango de {n} semillas)',
        'fr': 'Perte de validation finale pour trois budgets de calcul ; l’étoile marque la meilleure taille '
              '(moyenne et écart de {n} graines)',
        'zh-Hant': '三種運算預算下的最終驗證損失；星號標出最佳大小（{n} 個隨機種子的平均與範圍）'},
    'compute_optimal.col_budget': {'en': 'budget (FLOPs)', 'es': 'presupuesto (FLOP)', 'fr': 'budget (FLOP)',
                                   'zh-Hant': '預算（FLOPs）'},
    'compute_optimal.col_tokens': {'en': 'training tokens', 'es': 'tokens de entrenamiento', 'fr': 'jetons d’entraînement',
                                   'zh-Hant': '訓練 token 數'},
    'compute_optimal.col_val': {'en': 'final val loss', 'es': 'pérdida de validación final',
                                'fr': 'perte de validation finale', 'zh-Hant': '最終驗證損失'},
    'compute_optimal.note': {
        'en': 'Each run sees its tokens once (under one epoch). ★: the lowest mean at that budget. Every size uses '
              'the same learning rate ({lr}); tuned per size, the small models might gain more than the large ones.',
        'es': 'Cada ejecución ve sus tokens una sola vez (menos de una época). ★: la media más baja con ese presupuesto. '
              'Todos los tamaños usan la misma tasa de aprendizaje ({lr}); ajustada por tamaño, los modelos pequeños '
              'podrían ganar más que los grandes.',
        'fr': 'Chaque entraînement voit ses jetons une seule fois (moins d’une époque). ★\u00a0: la moyenne la plus basse '
              'pour ce budget. Toutes les tailles utilisent le même taux d’apprentissage ({lr})\u00a0; réglé par '
              'taille, les petits modèles pourraient y gagner plus que les grands.',
        'zh-Hant': '每次訓練只看過它的 token 一次（不到一個 epoch）。★：該預算下平均最低者。所有大小都用同一個學習率'
                   '（{lr}）；若依大小分別調整，小模型可能比大模型受益更多。'},
}

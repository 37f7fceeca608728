"""Strings of gallery/start_loss.py."""

STRINGS = {
    'start_loss.title': {
        'en': 'Where an untrained model starts against ln V, and what weight tying changes',
        'es': 'Dónde empieza un modelo sin entrenar frente a ln V y qué cambia al atar los pesos',
        'fr': 'Où démarre un modèle non entraîné par rapport à ln V, et ce que change le partage des poids',
        'zh-Hant': '未訓練模型的起點與 ln V 的差距，以及權重綁定帶來的改變'},
    'start_loss.tied': {'en': 'tied (as trained)', 'es': 'atada (como se entrena)', 'fr': 'liée (comme à l’entraînement)',
                        'zh-Hant': '綁定（與訓練時相同）'},
    'start_loss.untied': {'en': 'untied', 'es': 'sin atar', 'fr': 'indépendante', 'zh-Hant': '未綁定'},
    'start_loss.ln_v': {'en': 'ln {v} (uniform guess)', 'es': 'ln {v} (reparto uniforme)',
                        'fr': 'ln {v} (répartition uniforme)', 'zh-Hant': 'ln {v}（均勻猜測）'},
    'start_loss.ylabel': {'en': 'val loss at initialization', 'es': 'pérdida de validación al inicializar',
                          'fr': 'perte de validation à l’initialisation', 'zh-Hant': '初始化時的驗證損失'},
    'start_loss.fig_title': {
        'en': 'Loss before training, tied against untied output layer ({n} seeds each)',
        'es': 'Pérdida antes de entrenar, capa de salida atada frente a independiente ({n} semillas cada una)',
        'fr': 'Perte avant entraînement, couche de sortie liée ou indépendante ({n} graines chacune)',
        'zh-Hant': '訓練前的損失：輸出層綁定與未綁定（各 {n} 個隨機種子）'},
    'start_loss.col_head': {'en': 'output layer', 'es': 'capa de salida', 'fr': 'couche de sortie',
                            'zh-Hant': '輸出層'},
    'start_loss.col_loss': {'en': 'loss at init', 'es': 'pérdida inicial', 'fr': 'perte initiale',
                            'zh-Hant': '初始損失'},
    'start_loss.col_vs_ln_v': {'en': 'loss − ln V', 'es': 'pérdida − ln V', 'fr': 'perte − ln V',
                               'zh-Hant': '損失 − ln V'},
    'start_loss.col_boost': {'en': 'input character’s extra logit', 'es': 'logit extra del carácter de entrada',
                             'fr': 'logit en plus du caractère lu', 'zh-Hant': '輸入字元多出的 logit'},
    'start_loss.col_repeat': {'en': 'loss where the next character repeats',
                              'es': 'pérdida donde el siguiente carácter se repite',
                              'fr': 'perte quand le caractère suivant se répète', 'zh-Hant': '下一字元重複時的損失'},
    'start_loss.col_other': {'en': 'loss elsewhere', 'es': 'pérdida en el resto', 'fr': 'perte ailleurs',
                             'zh-Hant': '其餘位置的損失'},
}

"""Strings of gallery/lr_schedules.py."""

STRINGS = {
    'lr_schedules.title': {
        'en': 'What the end of the decay buys: three decays against a constant learning rate',
        'es': 'Lo que aporta el final del decaimiento: tres decaimientos frente a una tasa de aprendizaje constante',
        'fr': 'Ce que rapporte la fin de la décroissance : trois décroissances contre un taux d’apprentissage constant',
        'zh-Hant': '衰減的尾段帶來什麼：三種衰減對照固定學習率'},
    # the four schedules: table rows and legends (mid-sentence: lowercase)
    'lr_schedules.cosine_10': {
        'en': 'cosine decay to peak/10', 'es': 'decaimiento coseno hasta pico/10',
        'fr': 'décroissance cosinus vers pic/10', 'zh-Hant': '餘弦衰減到峰值/10'},
    'lr_schedules.cosine_100': {
        'en': 'cosine decay to peak/100', 'es': 'decaimiento coseno hasta pico/100',
        'fr': 'décroissance cosinus vers pic/100', 'zh-Hant': '餘弦衰減到峰值/100'},
    'lr_schedules.linear_0': {
        'en': 'linear decay to zero', 'es': 'decaimiento lineal hasta cero',
        'fr': 'décroissance linéaire vers zéro', 'zh-Hant': '線性衰減到零'},
    'lr_schedules.constant': {
        'en': 'constant (control)', 'es': 'constante (control)', 'fr': 'constant (témoin)', 'zh-Hant': '固定（對照組）'},
    'lr_schedules.schedules_title': {
        'en': 'Four schedules, peak {peak}, {iters} iterations',
        'es': 'Cuatro calendarios, pico {peak}, {iters} iteraciones',
        'fr': 'Quatre calendriers, pic {peak}, {iters} itérations',
        'zh-Hant': '四種排程，峰值 {peak}，{iters} 次迭代'},
    'lr_schedules.val_title': {
        'en': 'Val loss from the first quarter on (mean and range of {n} seeds)',
        'es': 'Pérdida de validación desde el primer cuarto (media y rango de {n} semillas)',
        'fr': 'Perte de validation après le premier quart (moyenne et écart de {n} graines)',
        'zh-Hant': '第一個四分之一段之後的驗證損失（{n} 個隨機種子的平均與範圍）'},
    'lr_schedules.col_schedule': {'en': 'schedule', 'es': 'calendario', 'fr': 'calendrier', 'zh-Hant': '排程'},
    'lr_schedules.col_final_val': {'en': 'val loss at {it}', 'es': 'pérdida de validación en {it}',
                                   'fr': 'perte de validation à {it}', 'zh-Hant': '第 {it} 次迭代的驗證損失'},
    'lr_schedules.col_gain_q': {'en': 'gain in quarter {q}', 'es': 'mejora en el cuarto {q}',
                                'fr': 'gain au quart {q}', 'zh-Hant': '第 {q} 個四分之一段的改善'},
    'lr_schedules.col_below_constant': {'en': 'below constant at the end', 'es': 'por debajo de la constante al final',
                                        'fr': 'sous le LR constant à la fin', 'zh-Hant': '結束時低於固定學習率的幅度'},
}

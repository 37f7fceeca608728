"""Strings of gallery/lr_schedules.py."""

STRINGS = {
    'lr_schedules.title': {
        'en': 'Where the LR schedule ends: cosine to peak/10, to peak/100, linear to zero',
        'es': 'Dónde termina el calendario de LR: coseno hasta pico/10, hasta pico/100, lineal hasta cero',
        'fr': 'Où finit le calendrier de LR\u00a0: cosinus vers pic/10, vers pic/100, linéaire vers zéro',
        'zh-Hant': '學習率排程的終點：餘弦降到峰值/10、峰值/100，線性降到零'},
    # the three schedules: table rows, legends, and the value best_schedule (mid-sentence: lowercase)
    'lr_schedules.cosine_10': {
        'en': 'cosine decay to peak/10', 'es': 'decaimiento coseno hasta pico/10',
        'fr': 'décroissance cosinus vers pic/10', 'zh-Hant': '餘弦衰減到峰值/10'},
    'lr_schedules.cosine_100': {
        'en': 'cosine decay to peak/100', 'es': 'decaimiento coseno hasta pico/100',
        'fr': 'décroissance cosinus vers pic/100', 'zh-Hant': '餘弦衰減到峰值/100'},
    'lr_schedules.linear_0': {
        'en': 'linear decay to zero', 'es': 'decaimiento lineal hasta cero',
        'fr': 'décroissance linéaire vers zéro', 'zh-Hant': '線性衰減到零'},
    'lr_schedules.schedules_title': {
        'en': 'Three schedules, peak {peak}, {iters} iterations',
        'es': 'Tres calendarios, pico {peak}, {iters} iteraciones',
        'fr': 'Trois calendriers, pic {peak}, {iters} itérations',
        'zh-Hant': '三種排程，峰值 {peak}，{iters} 次迭代'},
    'lr_schedules.full_title': {'en': 'whole run', 'es': 'toda la ejecución', 'fr': 'tout l’entraînement',
                                'zh-Hant': '整個訓練'},
    'lr_schedules.zoom_title': {'en': 'from iteration {start} on', 'es': 'desde la iteración {start}',
                                'fr': "à partir de l'itération {start}", 'zh-Hant': '從第 {start} 次迭代起'},
    'lr_schedules.last_quarter': {'en': 'last quarter', 'es': 'último cuarto', 'fr': 'dernier quart',
                                  'zh-Hant': '最後四分之一'},
    'lr_schedules.col_schedule': {'en': 'schedule', 'es': 'calendario', 'fr': 'calendrier', 'zh-Hant': '排程'},
    'lr_schedules.col_final_lr': {'en': 'LR at {it}', 'es': 'LR en {it}', 'fr': 'LR à {it}',
                                  'zh-Hant': '第 {it} 次迭代的 LR'},
    'lr_schedules.col_final_val': {'en': 'final val loss', 'es': 'pérdida de validación final',
                                   'fr': 'perte de validation finale', 'zh-Hant': '最終驗證損失'},
    'lr_schedules.col_best_val': {'en': 'best val loss', 'es': 'mejor pérdida de validación',
                                  'fr': 'meilleure perte de validation', 'zh-Hant': '最佳驗證損失'},
    'lr_schedules.seeds_warmup': {
        'en': 'warmup {n} (nanoGPT default)', 'es': 'calentamiento {n} (valor por defecto de nanoGPT)',
        'fr': 'warmup de {n} (défaut de nanoGPT)', 'zh-Hant': '暖身 {n}（nanoGPT 預設）'},
    'lr_schedules.seeds_nowarmup': {'en': 'no warmup', 'es': 'sin calentamiento', 'fr': 'sans warmup',
                                    'zh-Hant': '無暖身'},
    'lr_schedules.seeds_at': {'en': '{curve}: {lr} at {it}', 'es': '{curve}: {lr} en {it}',
                              'fr': '{curve} : {lr} à {it}', 'zh-Hant': '{curve}：第 {it} 次迭代為 {lr}'},
    'lr_schedules.claimed': {'en': 'claimed: {lr}', 'es': 'lo afirmado: {lr}', 'fr': 'valeur avancée\u00a0: {lr}',
                             'zh-Hant': '案例研究所稱：{lr}'},
    'lr_schedules.seeds_title': {
        'en': "The seeds' schedule: cosine {peak} → {min} over {iters} iterations",
        'es': 'El calendario de las notas: coseno {peak} → {min} en {iters} iteraciones',
        'fr': 'Le calendrier des notes\u00a0: cosinus {peak} → {min} sur {iters} itérations',
        'zh-Hant': '案例研究中的排程：餘弦 {peak} → {min}，共 {iters} 次迭代'},
}

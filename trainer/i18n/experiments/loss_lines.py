"""Strings of gallery/loss_lines.py."""

STRINGS = {
    'loss_lines.title': {
        'en': "nanoGPT's two loss lines, with and without dropout",
        'es': 'Las dos líneas de pérdida de nanoGPT, con y sin dropout',
        'fr': 'Les deux lignes de perte de nanoGPT, avec et sans dropout',
        'zh-Hant': 'nanoGPT 的兩種損失行：有無 dropout'},
    'loss_lines.panel': {
        'en': 'dropout = {d} (mean of {n} seeds)', 'es': 'dropout = {d} (media de {n} semillas)',
        'fr': 'dropout = {d} (moyenne de {n} graines)', 'zh-Hant': 'dropout = {d}（{n} 個隨機種子的平均）'},
    'loss_lines.iter_avg': {
        'en': 'iter loss, train mode (mean of {n})',
        'es': 'pérdida de iter, modo entrenamiento (media de {n})',
        'fr': "perte iter, mode entraînement (moyenne sur {n})",
        'zh-Hant': 'iter 損失，訓練模式（{n} 次平均）'},
    'loss_lines.step_train': {
        'en': 'step train loss, eval mode', 'es': 'pérdida de entrenamiento de step, modo evaluación',
        'fr': "perte d'entraînement de step, mode évaluation", 'zh-Hant': 'step 訓練損失，評估模式'},
    'loss_lines.step_val': {
        'en': 'step val loss, eval mode', 'es': 'pérdida de validación de step, modo evaluación',
        'fr': 'perte de validation de step, mode évaluation', 'zh-Hant': 'step 驗證損失，評估模式'},
    'loss_lines.col_dropout': {'en': 'dropout', 'es': 'dropout', 'fr': 'dropout', 'zh-Hant': 'dropout'},
    'loss_lines.col_iter': {
        'en': '`iter` loss (train mode, mean)', 'es': 'pérdida de `iter` (modo entrenamiento, media)',
        'fr': "perte `iter` (mode entraînement, moyenne)", 'zh-Hant': '`iter` 損失（訓練模式，平均）'},
    'loss_lines.col_train': {
        'en': '`step` train loss (eval mode)', 'es': 'pérdida de entrenamiento de `step` (modo evaluación)',
        'fr': "perte d'entraînement de `step` (mode évaluation)", 'zh-Hant': '`step` 訓練損失（評估模式）'},
    'loss_lines.col_val': {
        'en': '`step` val loss (eval mode)', 'es': 'pérdida de validación de `step` (modo evaluación)',
        'fr': 'perte de validation de `step` (mode évaluation)', 'zh-Hant': '`step` 驗證損失（評估模式）'},
    'loss_lines.col_gap': {
        'en': '`iter` − `step` train', 'es': '`iter` − entrenamiento de `step`',
        'fr': "`iter` − entraînement de `step`", 'zh-Hant': '`iter` − `step` 訓練'},
    'loss_lines.note': {
        'en': 'Means over the evals from iteration {start} to {end}; the `iter` loss at each eval is the mean of '
              'the {w} `iter` losses centered on it.',
        'es': 'Medias sobre las evaluaciones de las iteraciones {start} a {end}; la pérdida de `iter` en cada '
              'evaluación es la media de las {w} pérdidas de `iter` centradas en ella.',
        'fr': "Moyennes sur les évaluations des itérations {start} à {end}\u00a0; la perte `iter` à chaque "
              "évaluation est la moyenne des {w} pertes `iter` centrées sur elle.",
        'zh-Hant': '第 {start} 到第 {end} 次迭代之間各次評估的平均；每次評估的 `iter` 損失是以它為中心的 {w} 個 '
                   '`iter` 損失之平均。'},
}

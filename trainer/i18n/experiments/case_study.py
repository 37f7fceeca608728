"""Strings of gallery/case_study.py."""

STRINGS = {
    'case_study.title': {
        'en': 'The case study, reconstructed from the notes, through the analyzer',
        'es': 'El caso de estudio, reconstruido a partir de las notas, pasado por el analizador',
        'fr': 'L’étude de cas, reconstituée d’après les notes, passée à l’analyseur',
        'zh-Hant': '依筆記重建的案例研究，交給分析器檢查'},
    'case_study.loss_title': {
        'en': 'Reconstructed from the notes: the losses they quote, nothing in between',
        'es': 'Reconstruido a partir de las notas: las pérdidas que citan, nada entre medias',
        'fr': 'Reconstitué d’après les notes : les pertes qu’elles citent, rien entre elles',
        'zh-Hant': '依筆記重建：只有筆記引用的損失值，中間沒有任何補點'},
    'case_study.val_points': {'en': 'val loss as the notes print it', 'es': 'pérdida de validación tal como la imprimen las notas',
                              'fr': 'perte de validation telle que les notes l’écrivent', 'zh-Hant': '筆記印出的驗證損失'},
    'case_study.train_point': {'en': 'the one train loss they quote', 'es': 'la única pérdida de entrenamiento que citan',
                               'fr': 'la seule perte d’entraînement citée', 'zh-Hant': '筆記唯一引用的訓練損失'},
    'case_study.col_what': {'en': 'setting', 'es': 'ajuste', 'fr': 'réglage', 'zh-Hant': '設定'},
    'case_study.col_value': {'en': 'value', 'es': 'valor', 'fr': 'valeur', 'zh-Hant': '數值'},
    'case_study.col_note': {'en': 'stated in', 'es': 'fuente', 'fr': 'indiqué dans', 'zh-Hant': '出處'},
    'case_study.note_ref': {'en': 'note {n}', 'es': 'nota {n}', 'fr': 'note {n}', 'zh-Hant': '筆記 {n}'},
    'case_study.row_params': {'en': 'printed parameter count', 'es': 'número de parámetros impreso',
                              'fr': 'nombre de paramètres affiché', 'zh-Hant': '印出的參數量'},
    'case_study.row_mfu': {'en': 'printed MFU', 'es': 'MFU impreso', 'fr': 'MFU affiché', 'zh-Hant': '印出的 MFU'},
    'case_study.mfu_range': {'en': '{lo}–{hi}%', 'es': '{lo}–{hi} %', 'fr': '{lo}–{hi}\u00a0%', 'zh-Hant': '{lo}～{hi}%'},
    'case_study.row_gpu': {'en': 'GPU', 'es': 'GPU', 'fr': 'GPU', 'zh-Hant': 'GPU'},
    'case_study.col_assumed': {'en': 'assumed value', 'es': 'valor supuesto', 'fr': 'valeur supposée', 'zh-Hant': '假設值'},
    'case_study.col_why': {'en': 'why', 'es': 'por qué', 'fr': 'pourquoi', 'zh-Hant': '原因'},
    'case_study.why_max_iters': {
        'en': "= lr_decay_iters, as nanoGPT's configs set them", 'es': '= lr_decay_iters, como lo fijan las configuraciones de nanoGPT',
        'fr': '= lr_decay_iters, comme le fixent les configurations de nanoGPT', 'zh-Hant': '= lr_decay_iters，nanoGPT 的設定檔都這樣設'},
    'case_study.why_warmup_iters': {
        'en': "nanoGPT's default; no note mentions warmup", 'es': 'el valor por defecto de nanoGPT; ninguna nota menciona el calentamiento',
        'fr': 'le défaut de nanoGPT ; aucune note ne parle de warmup', 'zh-Hant': 'nanoGPT 的預設值；沒有任何筆記提到暖身'},
    'case_study.why_eval_interval': {
        'en': 'every quoted step is a multiple of 500', 'es': 'todos los pasos citados son múltiplos de 500',
        'fr': 'chaque pas cité est un multiple de 500', 'zh-Hant': '所有引用的步數都是 500 的倍數'},
    'case_study.why_eval_iters': {'en': "nanoGPT's default", 'es': 'el valor por defecto de nanoGPT',
                                  'fr': 'le défaut de nanoGPT', 'zh-Hant': 'nanoGPT 的預設值'},
    'case_study.why_grad_clip': {
        'en': "nanoGPT's default; note 000 says there is no clipping, but no config line turns it off",
        'es': 'el valor por defecto de nanoGPT; la nota 000 dice que no hay recorte, pero ninguna línea de configuración lo desactiva',
        'fr': 'le défaut de nanoGPT ; la note 000 dit qu’il n’y a pas d’écrêtage, mais aucune ligne de configuration ne le désactive',
        'zh-Hant': 'nanoGPT 的預設值；筆記 000 說沒有梯度裁剪，但沒有任何設定行把它關掉'},
    'case_study.why_bias': {
        'en': "nanoGPT's default; only this gives the printed 40.56M", 'es': 'el valor por defecto de nanoGPT; solo así se obtiene el 40.56M impreso',
        'fr': 'le défaut de nanoGPT ; seul ce choix donne le 40.56M affiché', 'zh-Hant': 'nanoGPT 的預設值；只有這樣才會印出 40.56M'},
    'case_study.why_vocab_size': {
        'en': "nanoGPT's default without a meta.pkl; only this gives the printed 40.56M",
        'es': 'el valor por defecto de nanoGPT sin meta.pkl; solo así se obtiene el 40.56M impreso',
        'fr': 'le défaut de nanoGPT sans meta.pkl ; seul ce choix donne le 40.56M affiché',
        'zh-Hant': '沒有 meta.pkl 時 nanoGPT 的預設值；只有這樣才會印出 40.56M'},
    'case_study.col_val_printed': {'en': 'val as printed', 'es': 'validación tal como se imprime',
                                   'fr': 'validation telle qu’écrite', 'zh-Hant': '印出的驗證損失'},
    'case_study.col_val_range': {'en': 'what it can stand for', 'es': 'lo que puede representar',
                                 'fr': 'ce qu’elle peut représenter', 'zh-Hant': '它可能代表的範圍'},
    'case_study.col_train_printed': {'en': 'train as printed', 'es': 'entrenamiento tal como se imprime',
                                     'fr': 'entraînement tel qu’écrit', 'zh-Hant': '印出的訓練損失'},
    'case_study.col_source': {'en': 'source', 'es': 'fuente', 'fr': 'source', 'zh-Hant': '來源'},
    'case_study.src_table': {'en': 'the table of note 000', 'es': 'la tabla de la nota 000', 'fr': 'le tableau de la note 000',
                             'zh-Hant': '筆記 000 的表格'},
    'case_study.src_step_line': {'en': 'the step line of note 001', 'es': 'la línea step de la nota 001',
                                 'fr': 'la ligne step de la note 001', 'zh-Hant': '筆記 001 的 step 行'},
    'case_study.points_note': {
        'en': 'At 14,500 the table of note 000 prints {table}; the step line of note 001 gives 3.5696 and the train loss.',
        'es': 'En la iteración 14 500, la tabla de la nota 000 imprime {table}; la línea step de la nota 001 da 3.5696 y, además, la pérdida de entrenamiento.',
        'fr': 'À 14 500, le tableau de la note 000 écrit {table} ; la ligne step de la note 001 donne 3.5696 et la perte d’entraînement.',
        'zh-Hant': '在第 14,500 步，筆記 000 的表格寫的是 {table}；筆記 001 的 step 行給出 3.5696 與訓練損失。'},
    'case_study.col_fact': {'en': 'what the analyzer computes', 'es': 'lo que calcula el analizador',
                            'fr': 'ce que calcule l’analyseur', 'zh-Hant': '分析器算出的內容'},
    'case_study.cannot_plateau': {
        'en': 'not reported: telling a flat stretch from a slow descent needs the noise of one eval, which the analyzer '
              'measures from the iteration lines; the notes quote none',
        'es': 'no se informa: distinguir un tramo plano de un descenso lento requiere el ruido de una evaluación, que el '
              'analizador mide en las líneas de iteración; las notas no citan ninguna',
        'fr': 'non signalé : distinguer un palier d’une descente lente demande le bruit d’une évaluation, que l’analyseur '
              'mesure sur les lignes d’itération ; les notes n’en citent aucune',
        'zh-Hant': '未回報。要分辨持平與緩降，需要單次評估的雜訊，而分析器是從迭代行估計這個雜訊；筆記一行迭代行都沒有引用。'},
    'case_study.cannot_overfitting': {
        'en': 'not reported: overfitting shows as train falling while val rises; the notes quote one train loss',
        'es': 'no se informa: el sobreajuste se ve cuando el entrenamiento baja mientras la validación sube; las notas '
              'citan una sola pérdida de entrenamiento',
        'fr': 'non signalé : le surapprentissage se voit quand l’entraînement baisse pendant que la validation monte ; '
              'les notes citent une seule perte d’entraînement',
        'zh-Hant': '未回報。過擬合的跡象是訓練損失下降、驗證損失上升；筆記只引用了一個訓練損失。'},
    'case_study.cannot_val_below_train': {
        'en': 'not reported: the analyzer compares val with train at every eval, or with the iteration lines around it; '
              'the notes give one train loss and no iteration lines',
        'es': 'no se informa: el analizador compara validación y entrenamiento en cada evaluación, o con las líneas de '
              'iteración cercanas; las notas dan una pérdida de entrenamiento y ninguna línea de iteración',
        'fr': 'non signalé : l’analyseur compare validation et entraînement à chaque évaluation, ou aux lignes '
              'd’itération voisines ; les notes donnent une perte d’entraînement et aucune ligne d’itération',
        'zh-Hant': '未回報。分析器在每次評估時比較驗證與訓練損失，或對照附近的迭代行；筆記只給了一個訓練損失，沒有任何迭代行。'},
}

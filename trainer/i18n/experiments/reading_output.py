"""Strings of gallery/reading_output.py."""

STRINGS = {
    'reading_output.title': {
        'en': 'The eval iteration in the clock and in the MFU', 'es': 'La iteración de evaluación en el reloj y en el MFU',
        'fr': "L'itération d'évaluation dans le chronomètre et dans le MFU", 'zh-Hant': '評估那一次迭代在計時與 MFU 上的痕跡'},
    'reading_output.dt': {'en': 'time of each iteration', 'es': 'time de cada iteración',
                          'fr': 'time de chaque itération', 'zh-Hant': '每次迭代的 time'},
    'reading_output.eval_iters_marker': {'en': 'iterations that start with an eval', 'es': 'iteraciones que empiezan con una evaluación',
                                         'fr': 'itérations qui commencent par une évaluation', 'zh-Hant': '以評估開頭的迭代'},
    'reading_output.iter_time_title': {
        'en': 'Time per iteration, eval every {n} iterations', 'es': 'Tiempo por iteración, evaluación cada {n} iteraciones',
        'fr': 'Temps par itération, évaluation toutes les {n} itérations', 'zh-Hant': '每次迭代的時間（每 {n} 次迭代評估一次）'},
    'reading_output.mfu_raw': {'en': 'MFU of each iteration', 'es': 'MFU de cada iteración', 'fr': 'MFU de chaque itération',
                               'zh-Hant': '每次迭代的 MFU'},
    'reading_output.mfu_printed': {'en': 'printed MFU (running average)', 'es': 'MFU impreso (media móvil)',
                                   'fr': 'MFU affiché (moyenne glissante)', 'zh-Hant': '印出的 MFU（移動平均）'},
    'reading_output.mfu_axis': {'en': "MFU against this CPU's peak (%)", 'es': 'MFU respecto al pico de esta CPU (%)',
                                'fr': 'MFU par rapport au pic de ce CPU (%)', 'zh-Hant': '相對此 CPU 峰值的 MFU（%）'},
    'reading_output.mfu_title': {'en': 'The running average dips after each eval, then recovers',
                                 'es': 'La media móvil cae tras cada evaluación y luego se recupera',
                                 'fr': 'La moyenne glissante chute après chaque évaluation, puis remonte',
                                 'zh-Hant': '移動平均在每次評估後下探，再慢慢回升'},
    'reading_output.note_overriding': {
        'en': '`Overriding:` one line per `--key=value` (or per line of a config file), printed before anything else.',
        'es': '`Overriding:` una línea por cada `--clave=valor` (o por cada línea de un archivo de configuración), antes que nada.',
        'fr': "`Overriding:` une ligne par `--clé=valeur` (ou par ligne d'un fichier de configuration), avant tout le reste.",
        'zh-Hant': '`Overriding:`：每個 `--key=value`（或設定檔的每一行）各一行，最先印出。'},
    'reading_output.note_tokens': {
        'en': '`tokens per iteration will be:` gradient_accumulation_steps × batch_size × block_size (× the number of GPUs).',
        'es': '`tokens per iteration will be:` gradient_accumulation_steps × batch_size × block_size (× el número de GPU).',
        'fr': '`tokens per iteration will be:` gradient_accumulation_steps × batch_size × block_size (× le nombre de GPU).',
        'zh-Hant': '`tokens per iteration will be:`：gradient_accumulation_steps × batch_size × block_size（× GPU 數）。'},
    'reading_output.note_params': {
        'en': '`number of parameters:` get_num_params() in millions: every parameter except the position embedding.',
        'es': '`number of parameters:` get_num_params() en millones: todos los parámetros salvo el embedding de posiciones.',
        'fr': "`number of parameters:` get_num_params() en millions : tous les paramètres sauf l'embedding des positions.",
        'zh-Hant': '`number of parameters:`：get_num_params()，以百萬為單位，不含位置嵌入。'},
    'reading_output.note_decay': {
        'en': '`num decayed` / `num non-decayed`: weight decay applies to the 2-D tensors (matrices, embeddings), not to norm weights or biases.',
        'es': '`num decayed` / `num non-decayed`: el weight decay se aplica a los tensores 2-D (matrices, embeddings), no a los pesos de normalización ni a los sesgos.',
        'fr': '`num decayed` / `num non-decayed` : le weight decay porte sur les tenseurs 2-D (matrices, embeddings), pas sur les poids de normalisation ni les biais.',
        'zh-Hant': '`num decayed` / `num non-decayed`：權重衰減只作用在二維張量（矩陣、嵌入），不含正規化層的權重與偏差項。'},
    'reading_output.note_fused': {
        'en': '`using fused AdamW:` True only on CUDA.', 'es': '`using fused AdamW:` True solo en CUDA.',
        'fr': '`using fused AdamW:` True seulement sur CUDA.', 'zh-Hant': '`using fused AdamW:`：只有在 CUDA 上才是 True。'},
    'reading_output.note_step0': {
        'en': '`step 0:` the first eval, before any update: both losses in eval mode, near ln(vocab).',
        'es': '`step 0:` la primera evaluación, antes de cualquier actualización: ambas pérdidas en modo evaluación, cerca de ln(vocab).',
        'fr': '`step 0:` la première évaluation, avant toute mise à jour : les deux pertes en mode évaluation, proches de ln(vocab).',
        'zh-Hant': '`step 0:`：第一次評估，尚未做任何更新；兩個損失都在評估模式下計算，接近 ln(vocab)。'},
    'reading_output.note_iter0': {
        'en': '`iter 0:` slow, because its time includes that eval and the warm-up (and compilation with compile=True).',
        'es': '`iter 0:` lenta, porque su tiempo incluye esa evaluación y el calentamiento (y la compilación con compile=True).',
        'fr': '`iter 0:` lente, car son temps inclut cette évaluation et la mise en route (et la compilation avec compile=True).',
        'zh-Hant': '`iter 0:`：很慢，因為它的時間包含那次評估與暖機（compile=True 時還有編譯）。'},
    'reading_output.note_sentinel': {
        'en': '`mfu -100.00%`: a placeholder; the running average starts after the process\'s first {k} iterations.',
        'es': '`mfu -100.00%`: un marcador; la media móvil empieza después de las {k} primeras iteraciones del proceso.',
        'fr': '`mfu -100.00%` : une valeur de remplissage ; la moyenne glissante démarre après les {k} premières itérations du processus.',
        'zh-Hant': '`mfu -100.00%`：只是佔位值；移動平均在該行程的前 {k} 次迭代之後才開始。'},
    'reading_output.note_eval': {
        'en': '`step {s}:` then `iter {s}:` the eval\'s 2 × {n} forward passes are charged to that iteration\'s `time`.',
        'es': '`step {s}:` y luego `iter {s}:` las 2 × {n} pasadas hacia delante de la evaluación se cargan al `time` de esa iteración.',
        'fr': '`step {s}:` puis `iter {s}:` les 2 × {n} passes avant qu’exécute l’évaluation sont comptées dans le `time` de cette itération.',
        'zh-Hant': '`step {s}:` 接著 `iter {s}:`：評估的 2 × {n} 次前向傳遞都算進這次迭代的 `time`。'},
    'reading_output.note_dip': {
        'en': 'The `mfu` of that iteration and the next ones: the average takes in a tenth of one very slow iteration, dips, and recovers.',
        'es': 'El `mfu` de esa iteración y las siguientes: la media incorpora una décima parte de una iteración muy lenta, cae y se recupera.',
        'fr': 'Le `mfu` de cette itération et des suivantes : la moyenne absorbe un dixième d’une itération très lente, chute, puis remonte.',
        'zh-Hant': '該次及之後幾次迭代的 `mfu`：平均值吸收了一次極慢迭代的十分之一，因此下探，之後回升。'},
}

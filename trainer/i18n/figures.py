"""Figure titles, axis labels, legends and table headers of the gallery, in four languages.

One catalog for every experiment, so a translator works in one file and no
label is hand-typed in a script. Keys:

    <word>                 shared axis labels and legends ("iteration", "val_loss", ...)
    gallery.<word>         what the runner writes around the figures (provenance, index, times)
    <experiment>.<word>    one experiment's own strings; <experiment>.title is required.
                           They live in trainer/i18n/experiments/<experiment>.py (STRINGS),
                           merged into FIGURES when first asked for (see Catalog)

Templates use str.format fields ({n}); numbers are formatted with the
trainer.i18n fmt_* helpers before they are filled in. tests/test_i18n.py checks
that every key has the four languages with the same fields.
"""

FIGURES = {
    # --- shared axis labels and legends -------------------------------------------------
    'iteration': {'en': 'iteration', 'es': 'iteración', 'fr': 'itération', 'zh-Hant': '迭代次數'},
    'loss': {'en': 'loss', 'es': 'pérdida', 'fr': 'perte', 'zh-Hant': '損失'},
    'train_loss': {'en': 'train loss', 'es': 'pérdida de entrenamiento', 'fr': "perte d'entraînement",
                   'zh-Hant': '訓練損失'},
    'val_loss': {'en': 'val loss', 'es': 'pérdida de validación', 'fr': 'perte de validation', 'zh-Hant': '驗證損失'},
    'iter_loss': {'en': 'iter loss (train mode)', 'es': 'pérdida de iter (modo entrenamiento)',
                  'fr': "perte d'iter (mode entraînement)", 'zh-Hant': 'iter 損失（訓練模式）'},
    'train': {'en': 'train', 'es': 'entrenamiento', 'fr': 'entraînement', 'zh-Hant': '訓練'},
    'val': {'en': 'val', 'es': 'validación', 'fr': 'validation', 'zh-Hant': '驗證'},
    'learning_rate': {'en': 'learning rate', 'es': 'tasa de aprendizaje', 'fr': "taux d'apprentissage",
                      'zh-Hant': '學習率'},
    'tokens_seen': {'en': 'tokens seen', 'es': 'tokens vistos', 'fr': 'jetons vus', 'zh-Hant': '已見 token 數'},
    'tokens_seen_millions': {'en': 'tokens seen (millions)', 'es': 'tokens vistos (millones)',
                             'fr': 'jetons vus (millions)', 'zh-Hant': '已見 token 數（百萬）'},
    'tokens_per_param': {'en': 'tokens per parameter', 'es': 'tokens por parámetro', 'fr': 'jetons par paramètre',
                         'zh-Hant': '每參數 token 數'},
    'params': {'en': 'parameters', 'es': 'parámetros', 'fr': 'paramètres', 'zh-Hant': '參數量'},
    'params_millions': {'en': 'parameters (millions)', 'es': 'parámetros (millones)', 'fr': 'paramètres (millions)',
                        'zh-Hant': '參數量（百萬）'},
    'epochs': {'en': 'epochs', 'es': 'épocas', 'fr': 'époques', 'zh-Hant': 'epoch 數'},
    'time_ms': {'en': 'time per iteration (ms)', 'es': 'tiempo por iteración (ms)', 'fr': 'temps par itération (ms)',
                'zh-Hant': '每次迭代時間（毫秒）'},
    'mfu_pct': {'en': 'MFU (%)', 'es': 'MFU (%)', 'fr': 'MFU (%)', 'zh-Hant': 'MFU（%）'},
    'gpu': {'en': 'GPU', 'es': 'GPU', 'fr': 'GPU', 'zh-Hant': 'GPU'},

    # --- values over seeds ----------------------------------------------------------------
    'value.pm': {'en': '{x} ± {d}', 'es': '{x} ± {d}', 'fr': '{x} ± {d}', 'zh-Hant': '{x} ± {d}'},
    'value.range': {'en': '{lo}–{hi}', 'es': '{lo}–{hi}', 'fr': '{lo}–{hi}', 'zh-Hant': '{lo}～{hi}'},
    'seeds.mean': {'en': 'mean of {n} seeds', 'es': 'media de {n} semillas', 'fr': 'moyenne de {n} graines',
                   'zh-Hant': '{n} 個隨機種子的平均'},
    'seeds.band': {'en': 'min–max over the seeds', 'es': 'mín.–máx. entre semillas', 'fr': 'min–max sur les graines',
                   'zh-Hant': '各隨機種子的最小～最大值'},
    'seeds.note': {
        'en': 'Each number is the mean over {n} seeds ± half their min–max range; a seed sets both the initial '
              'weights and the order of the training batches.',
        'es': 'Cada número es la media de {n} semillas ± la mitad de su rango (mínimo–máximo); una semilla fija '
              'a la vez los pesos iniciales y el orden de los lotes de entrenamiento.',
        'fr': "Chaque nombre est la moyenne sur {n} graines ± la moitié de leur écart min–max ; une graine fixe "
              "à la fois les poids initiaux et l'ordre des lots d'entraînement.",
        'zh-Hant': '每個數字是 {n} 個隨機種子的平均值 ± 最小～最大範圍的一半；隨機種子同時決定初始權重與訓練批次的順序。'},

    # --- the runner: provenance line, gallery index, execution times ----------------------
    'gallery.computed_by': {'en': 'Computed by {script}', 'es': 'Calculado por {script}', 'fr': 'Calculé par {script}',
                            'zh-Hant': '由 {script} 計算'},
    'gallery.commit': {'en': 'commit {commit}', 'es': 'commit {commit}', 'fr': 'commit {commit}',
                       'zh-Hant': '提交 {commit}'},
    'gallery.code': {'en': 'code {hash}', 'es': 'código {hash}', 'fr': 'code {hash}', 'zh-Hant': '程式碼 {hash}'},
    'gallery.device': {'en': 'device: {device}', 'es': 'dispositivo: {device}', 'fr': 'matériel\u00a0: {device}',
                       'zh-Hant': '裝置：{device}'},
    'gallery.torch': {'en': 'torch {version}', 'es': 'torch {version}', 'fr': 'torch {version}',
                      'zh-Hant': 'torch {version}'},
    'gallery.seed': {'en': 'seeds: {seed}', 'es': 'semillas: {seed}', 'fr': 'graines\u00a0: {seed}',
                     'zh-Hant': '隨機種子：{seed}'},
    'gallery.runs': {'en': 'training runs: {n}', 'es': 'entrenamientos: {n}', 'fr': 'entraînements\u00a0: {n}',
                     'zh-Hant': '訓練次數：{n}'},
    'gallery.steps': {'en': 'steps: {steps}', 'es': 'pasos: {steps}', 'fr': 'pas\u00a0: {steps}', 'zh-Hant': '步數：{steps}'},
    'gallery.data': {'en': 'data: {data}', 'es': 'datos: {data}', 'fr': 'données\u00a0: {data}', 'zh-Hant': '資料：{data}'},
    'gallery.reconstructed_by': {'en': 'Reconstructed from the notes by {script}',
                                 'es': 'Reconstruido a partir de las notas por {script}',
                                 'fr': 'Reconstitué à partir des notes par {script}', 'zh-Hant': '由 {script} 依筆記重建'},
    'gallery.reconstructed': {'en': 'no training: reconstructed from the notes, not computed',
                              'es': 'sin entrenamiento: reconstruido a partir de las notas, no calculado',
                              'fr': 'sans entraînement : reconstitué à partir des notes, pas calculé',
                              'zh-Hant': '無訓練：依筆記重建，並非計算所得'},
    'gallery.no_training': {'en': 'no training (computed)', 'es': 'sin entrenamiento (calculado)',
                            'fr': 'sans entraînement (calculé)', 'zh-Hant': '無訓練（計算所得）'},
    'gallery.seconds': {'en': '{s} s', 'es': '{s}\u00a0s', 'fr': '{s}\u00a0s', 'zh-Hant': '{s} 秒'},
    'gallery.source': {'en': 'Source: {file}', 'es': 'Código fuente: {file}', 'fr': 'Code source\u00a0: {file}',
                       'zh-Hant': '原始碼：{file}'},
    'gallery.profile': {'en': 'profile: {profile}', 'es': 'perfil: {profile}', 'fr': 'profil\u00a0: {profile}',
                        'zh-Hant': '執行模式：{profile}'},
    'gallery.col_experiment': {'en': 'Experiment', 'es': 'Experimento', 'fr': 'Expérience', 'zh-Hant': '實驗'},
    'gallery.col_time': {'en': 'Time', 'es': 'Tiempo', 'fr': 'Durée', 'zh-Hant': '時間'},
    'gallery.col_device': {'en': 'Device', 'es': 'Dispositivo', 'fr': 'Matériel', 'zh-Hant': '裝置'},
    'gallery.col_params': {'en': 'Parameters', 'es': 'Parámetros', 'fr': 'Paramètres', 'zh-Hant': '參數量'},
    'gallery.col_tokens': {'en': 'Training tokens', 'es': 'Tokens de entrenamiento', 'fr': 'Jetons d’entraînement',
                           'zh-Hant': '訓練 token 數'},
    'gallery.col_steps': {'en': 'Steps', 'es': 'Pasos', 'fr': 'Pas', 'zh-Hant': '步數'},
    'gallery.col_seeds': {'en': 'Seeds', 'es': 'Semillas', 'fr': 'Graines', 'zh-Hant': '隨機種子'},
    'gallery.col_profile': {'en': 'Profile', 'es': 'Perfil', 'fr': 'Profil', 'zh-Hant': '執行模式'},
    'gallery.col_runs': {'en': 'Training runs', 'es': 'Entrenamientos', 'fr': 'Entraînements', 'zh-Hant': '訓練次數'},
    'gallery.times_total': {
        'en': 'Experiments: {n} · total execution time: **{total}**',
        'es': 'Experimentos: {n} · tiempo total de ejecución: **{total}**',
        'fr': "Expériences\u00a0: {n} · temps d'exécution total\u00a0: **{total}**",
        'zh-Hant': '實驗數：{n} · 總執行時間：**{total}**'},
    'gallery.times_note': {
        'en': 'A training run is timed when it trains; when only the presentation changes, `make figures` '
              're-renders from the committed run data and keeps that time.',
        'es': 'Un entrenamiento se cronometra cuando se ejecuta; si solo cambia la presentación, `make figures` '
              'vuelve a dibujar a partir de los datos guardados y conserva ese tiempo.',
        'fr': "Un entraînement est chronométré quand il s'exécute\u00a0; si seule la présentation change, "
              "`make figures` redessine à partir des données enregistrées et garde ce temps.",
        'zh-Hant': '訓練在實際執行時計時；若只改了呈現方式，`make figures` 會從已提交的訓練資料重新繪製，並保留原本的時間。'},
}


class Catalog(dict):
    """The shared strings, plus each experiment's own strings, imported on first use.

    `FIGURES['capacity.title']` imports trainer/i18n/experiments/capacity.py the
    first time a 'capacity.*' key is asked for. Loading lazily keeps an
    experiment's key (which hashes the modules it imported) independent of the
    other experiments' strings: editing one file re-renders one experiment.
    """

    def __init__(self, shared):
        super().__init__(shared)
        self.loaded = set()

    def __missing__(self, key):
        name = key.split('.', 1)[0]
        if '.' in key and name not in self.loaded:
            self.load(name)
            if key in self:
                return self[key]
        raise KeyError(key)

    def load(self, name):
        """Merge trainer/i18n/experiments/<name>.py (if there is one); its keys start with '<name>.'."""
        import importlib
        self.loaded.add(name)
        try:
            module = importlib.import_module(f'trainer.i18n.experiments.{name}')
        except ModuleNotFoundError as e:
            if e.name != f'trainer.i18n.experiments.{name}':
                raise
            return
        for key, value in module.STRINGS.items():
            if not key.startswith(name + '.'):
                raise KeyError(f"trainer/i18n/experiments/{name}.py: key {key!r} must start with {name + '.'!r}")
            if key in self and self[key] != value:
                raise KeyError(f"figure string {key!r} is defined twice")
            self[key] = value

    def load_all(self):
        """Every experiment's strings (for tests that check the whole catalog)."""
        import pkgutil
        from trainer.i18n import experiments
        for info in pkgutil.iter_modules(experiments.__path__):
            self.load(info.name)
        return self


FIGURES = Catalog(FIGURES)

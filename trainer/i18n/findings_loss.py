"""The analyzer's words about the loss curve: plateau, overfitting, val < train, divergence, spikes.

Templates take pre-formatted fields (numbers go through trainer.i18n's fmt_*
helpers first; see trainer/analyze/messages.py). A message says what the log
shows, why (nanoGPT's mechanics), and what to try. French uses a no-break space
before ':' and a narrow one before ';', '?', '!'.
"""

LOSS_FINDINGS = {
    # --- plateau ------------------------------------------------------------------------
    "plateau": {
        "en": "Plateau: from step {start} to step {end} ({evals} evals) the val loss improved by only {improvement}, "
              "less than the noise of a difference between two evals ({threshold}; one eval ≈ ±{noise}, {noise_how}). "
              "Best val {best_val} at step {best_step}{lr_part}. More steps at this setting mostly buy noise. "
              "Try: more or more varied data, a bigger model if data is plentiful, letting the LR decay further; "
              "keep the checkpoint of the best step.",
        "es": "Meseta: del paso {start} al {end} ({evals} evaluaciones) la pérdida de validación solo mejoró {improvement}, "
              "menos que el ruido de la diferencia entre dos evaluaciones ({threshold}; una evaluación ≈ ±{noise}, {noise_how}). "
              "Mejor validación: {best_val} en el paso {best_step}{lr_part}. Seguir entrenando así apenas compra ruido. "
              "Prueba: más datos o más variados, un modelo mayor si sobran datos, dejar que la LR siga bajando; "
              "guarda el checkpoint del mejor paso.",
        "fr": "Plateau\u00a0: du pas {start} au pas {end} ({evals} évaluations), la perte de validation n’a baissé que de {improvement}, "
              "moins que le bruit d’une différence entre deux évaluations ({threshold}\u202f; une évaluation ≈ ±{noise}, {noise_how}). "
              "Meilleure validation\u00a0: {best_val} au pas {best_step}{lr_part}. Continuer ainsi n’apporte guère que du bruit. "
              "À essayer\u00a0: des données plus nombreuses ou plus variées, un modèle plus grand si les données abondent, "
              "laisser le LR décroître davantage\u202f; gardez le checkpoint du meilleur pas.",
        "zh-Hant": "停滯：從第 {start} 步到第 {end} 步（{evals} 次評估），驗證損失只下降了 {improvement}，"
                   "小於兩次評估之差的雜訊（{threshold}；單次評估約 ±{noise}，{noise_how}）。"
                   "最佳驗證損失 {best_val}，在第 {best_step} 步{lr_part}。以目前設定繼續訓練，多半只是在雜訊中打轉。"
                   "可以嘗試：更多或更多樣的資料；資料充足時換更大的模型；讓學習率繼續衰減；保留最佳步的檢查點。",
    },
    "plateau.lr": {
        "en": "; the LR is {lr} at step {step}",
        "es": "; la LR es {lr} en el paso {step}",
        "fr": "\u202f; le LR vaut {lr} au pas {step}",
        "zh-Hant": "；第 {step} 步的學習率為 {lr}",
    },
    "noise.iter_loss": {
        "en": "from the iter-line loss noise ÷ √eval_iters ({eval_iters})",
        "es": "a partir del ruido de la pérdida de las líneas iter ÷ √eval_iters ({eval_iters})",
        "fr": "d’après le bruit de la perte des lignes iter ÷ √eval_iters ({eval_iters})",
        "zh-Hant": "由 iter 行損失的雜訊 ÷ √eval_iters（{eval_iters}）估計",
    },
    "noise.val_curvature": {
        "en": "from the scatter of the val curve itself",
        "es": "a partir de la dispersión de la propia curva de validación",
        "fr": "d’après la dispersion de la courbe de validation elle-même",
        "zh-Hant": "由驗證曲線本身的離散程度估計",
    },
    "noise.resolution": {
        "en": "the log's printing precision",
        "es": "la precisión con que el registro imprime",
        "fr": "la précision d’affichage du journal",
        "zh-Hant": "即日誌印出的精度",
    },
    # --- overfitting -------------------------------------------------------------------------
    "overfitting": {
        "en": "Overfitting: the val loss reached its minimum {best_val} at step {best_step}, then rose to {last_val} by step "
              "{last_step} (+{rise}, above the noise threshold {threshold}) while the train loss kept falling "
              "({train_best} → {train_last}, {train_how}). The best model is the one at step {best_step}.{ckpt_note} "
              "Try: more or more varied data (fewer epochs), more dropout or weight decay, or stop at the best step.",
        "es": "Sobreajuste: la pérdida de validación tocó su mínimo, {best_val}, en el paso {best_step} y subió a {last_val} "
              "hacia el paso {last_step} (+{rise}, por encima del umbral de ruido {threshold}) mientras la de entrenamiento "
              "seguía bajando ({train_best} → {train_last}, {train_how}). El mejor modelo es el del paso {best_step}.{ckpt_note} "
              "Prueba: más datos o más variados (menos épocas), más dropout o weight decay, o detente en el mejor paso.",
        "fr": "Surapprentissage\u00a0: la perte de validation a atteint son minimum, {best_val}, au pas {best_step}, puis est "
              "remontée à {last_val} au pas {last_step} (+{rise}, au-dessus du seuil de bruit {threshold}) pendant que la perte "
              "d’entraînement continuait de baisser ({train_best} → {train_last}, {train_how}). Le meilleur modèle est celui du "
              "pas {best_step}.{ckpt_note} À essayer\u00a0: des données plus nombreuses ou plus variées (moins d’époques), "
              "plus de dropout ou de weight decay, ou l’arrêt au meilleur pas.",
        "zh-Hant": "過擬合：驗證損失在第 {best_step} 步降到最低的 {best_val}，到第 {last_step} 步又升到 {last_val}"
                   "（+{rise}，超過雜訊門檻 {threshold}），而訓練損失仍在下降（{train_best} → {train_last}，{train_how}）。"
                   "最好的模型是第 {best_step} 步的那一個。{ckpt_note}"
                   "可以嘗試：更多或更多樣的資料（減少 epoch 數）、提高 dropout 或 weight decay，或在最佳步提前停止。",
    },
    "overfitting.ckpt": {
        "en": " With always_save_checkpoint=True nanoGPT overwrites ckpt.pt at every eval, so that checkpoint is gone "
              "unless you copied it; always_save_checkpoint=False keeps only improvements.",
        "es": " Con always_save_checkpoint=True, nanoGPT sobrescribe ckpt.pt en cada evaluación, así que ese checkpoint "
              "se perdió salvo que lo copiaras; con always_save_checkpoint=False solo guarda las mejoras.",
        "fr": " Avec always_save_checkpoint=True, nanoGPT écrase ckpt.pt à chaque évaluation\u202f: ce checkpoint est perdu "
              "si vous ne l’avez pas copié. always_save_checkpoint=False ne garde que les améliorations.",
        "zh-Hant": "在 always_save_checkpoint=True 時，nanoGPT 每次評估都會覆寫 ckpt.pt，除非你另外複製過，那個檢查點已經不在了；"
                   "設為 always_save_checkpoint=False 則只在改善時儲存。",
    },
    "train_how.eval": {
        "en": "eval-mode train loss", "es": "pérdida de entrenamiento en modo eval",
        "fr": "perte d’entraînement en mode eval", "zh-Hant": "評估模式下的訓練損失",
    },
    "train_how.iter": {
        "en": "iter-line loss around those steps", "es": "pérdida de las líneas iter en torno a esos pasos",
        "fr": "perte des lignes iter autour de ces pas", "zh-Hant": "這兩步附近 iter 行的損失",
    },
    # --- val below train ------------------------------------------------------------------------
    "val_below_train.head": {
        "en": "Val loss below train loss at {count} of {evals} evals; at step {step} val is {val}, train {train} {where}.",
        "es": "Pérdida de validación por debajo de la de entrenamiento en {count} de {evals} evaluaciones; en el paso {step}, "
              "validación {val} y entrenamiento {train} {where}.",
        "fr": "Perte de validation sous la perte d’entraînement dans {count} évaluations sur {evals}\u202f; au pas {step}, "
              "validation {val} et entraînement {train} {where}.",
        "zh-Hant": "{evals} 次評估中有 {count} 次驗證損失低於訓練損失；第 {step} 步驗證損失 {val}、訓練損失 {train}（{where}）。",
    },
    "where.step": {
        "en": "on the same `step` line", "es": "en la misma línea `step`",
        "fr": "sur la même ligne `step`", "zh-Hant": "同一行 `step`",
    },
    "where.eval_record": {
        "en": "in the same eval record", "es": "en el mismo registro de evaluación",
        "fr": "dans le même enregistrement d’évaluation", "zh-Hant": "同一筆評估紀錄",
    },
    "where.train_step": {
        "en": "(the training loss printed for that step)", "es": "(la pérdida de entrenamiento impresa para ese paso)",
        "fr": "(la perte d’entraînement affichée pour ce pas)", "zh-Hant": "該步印出的訓練損失",
    },
    "val_below_train.eval_split_difference": {
        "en": "Both numbers come from estimate_loss() in eval mode, so dropout is off for both splits and cannot explain it. "
              "The gap ({gap}) is {ratio}× the sampling noise of the difference (≈{noise} with eval_iters={eval_iters}), "
              "so it is not chance either: the val split is easier to predict than the train split (other documents, "
              "less repetition, another slice of the corpus). It says nothing about regularization; compare how the "
              "two splits were made.",
        "es": "Ambos valores salen de estimate_loss() en modo eval: el dropout está apagado en las dos particiones y no puede "
              "explicarlo. La diferencia ({gap}) es {ratio}× el ruido de muestreo de la diferencia (≈{noise} con "
              "eval_iters={eval_iters}), así que tampoco es azar: la partición de validación es más fácil de predecir que la de "
              "entrenamiento (otros documentos, menos repetición, otra parte del corpus). No dice nada de la regularización; "
              "compara cómo se construyeron las dos particiones.",
        "fr": "Les deux valeurs viennent d’estimate_loss() en mode eval\u202f: le dropout est coupé pour les deux partitions et "
              "ne peut pas l’expliquer. L’écart ({gap}) vaut {ratio}× le bruit d’échantillonnage de la différence (≈{noise} "
              "avec eval_iters={eval_iters}), ce n’est donc pas le hasard non plus\u00a0: la partition de validation est plus facile "
              "à prédire que celui d’entraînement (d’autres documents, moins de répétitions, une autre partie du corpus). "
              "Cela ne dit rien de la régularisation\u202f; comparez la façon dont les deux partitions ont été construites.",
        "zh-Hant": "兩個數字都來自 eval 模式下的 estimate_loss()，兩個資料切分的 dropout 都已關閉，所以不可能是 dropout 造成的。"
                   "差距（{gap}）是這個差值抽樣雜訊（約 {noise}，eval_iters={eval_iters}）的 {ratio} 倍，也不是偶然："
                   "驗證集本身比訓練集容易預測（不同的文件、較少重複、或語料的另一部分）。這與正則化無關；"
                   "請比較兩個切分是怎麼做出來的。",
    },
    "val_below_train.eval_sampling_noise": {
        "en": "Both numbers come from estimate_loss() in eval mode, so dropout is off for both splits and cannot explain it. "
              "The gap ({gap}) is within the sampling noise of two estimates over eval_iters={eval_iters} random batches "
              "(≈{noise}): the two losses are statistically equal. A larger eval_iters tightens both.",
        "es": "Ambos valores salen de estimate_loss() en modo eval: el dropout está apagado en las dos particiones y no puede "
              "explicarlo. La diferencia ({gap}) cabe en el ruido de muestreo de dos estimaciones sobre eval_iters={eval_iters} "
              "lotes aleatorios (≈{noise}): las dos pérdidas son estadísticamente iguales. Un eval_iters mayor las afina.",
        "fr": "Les deux valeurs viennent d’estimate_loss() en mode eval\u202f: le dropout est coupé pour les deux partitions et ne "
              "peut pas l’expliquer. L’écart ({gap}) reste dans le bruit d’échantillonnage de deux estimations sur "
              "eval_iters={eval_iters} lots aléatoires (≈{noise})\u00a0: les deux pertes sont statistiquement égales. "
              "Un eval_iters plus grand les resserre.",
        "zh-Hant": "兩個數字都來自 eval 模式下的 estimate_loss()，兩個切分的 dropout 都已關閉，所以不可能是 dropout 造成的。"
                   "差距（{gap}）落在兩個各以 eval_iters={eval_iters} 個隨機批次估計之值的抽樣雜訊內（約 {noise}）："
                   "兩個損失在統計上相等。加大 eval_iters 可以讓兩者更精確。",
    },
    "val_below_train.train_split_difference": {
        "en": "That training loss is measured in train mode, on the step's own batches while the weights change{dropout}, "
              "so it runs above a clean eval of the same weights. The gap ({gap}) is {ratio}× the combined noise (≈{noise}): "
              "beyond measurement, the val split is likely easier than the training data too.",
        "es": "Esa pérdida de entrenamiento se mide en modo train, sobre los propios lotes del paso mientras cambian los "
              "pesos{dropout}, así que queda por encima de una evaluación limpia de los mismos pesos. La diferencia ({gap}) es "
              "{ratio}× el ruido combinado (≈{noise}): además de la forma de medir, la partición de validación probablemente "
              "es más fácil que los datos de entrenamiento.",
        "fr": "Cette perte d’entraînement est mesurée en mode train, sur les lots du pas pendant que les poids "
              "changent{dropout}\u202f: elle reste au-dessus d’une évaluation propre des mêmes poids. L’écart ({gap}) vaut "
              "{ratio}× le bruit combiné (≈{noise})\u00a0: au-delà de la mesure, la partition de validation est sans doute aussi "
              "plus facile que les données d’entraînement.",
        "zh-Hant": "那個訓練損失是在 train 模式下、以該步自己的批次、在權重更新過程中量到的{dropout}，"
                   "因此會高於對同一組權重的乾淨評估。差距（{gap}）是合併雜訊（約 {noise}）的 {ratio} 倍："
                   "除了量法不同，驗證集很可能也比訓練資料容易。",
    },
    "val_below_train.train_sampling_noise": {
        "en": "That training loss is measured in train mode, on the step's own batches while the weights change{dropout}, "
              "so it runs above a clean eval of the same weights; the gap ({gap}) is also within the combined noise (≈{noise}).",
        "es": "Esa pérdida de entrenamiento se mide en modo train, sobre los propios lotes del paso mientras cambian los "
              "pesos{dropout}, así que queda por encima de una evaluación limpia; además, la diferencia ({gap}) cabe en el "
              "ruido combinado (≈{noise}).",
        "fr": "Cette perte d’entraînement est mesurée en mode train, sur les lots du pas pendant que les poids "
              "changent{dropout}\u202f: elle reste au-dessus d’une évaluation propre\u202f; l’écart ({gap}) tient d’ailleurs "
              "dans le bruit combiné (≈{noise}).",
        "zh-Hant": "那個訓練損失是在 train 模式下、以該步自己的批次、在權重更新過程中量到的{dropout}，"
                   "因此會高於乾淨的評估；而且差距（{gap}）也在合併雜訊（約 {noise}）之內。",
    },
    "dropout.on": {
        "en": ", with dropout on", "es": ", con el dropout activo", "fr": ", dropout actif", "zh-Hant": "，且 dropout 開啟",
    },
    # --- divergence ---------------------------------------------------------------------------------
    "nan_divergence": {
        "en": "The loss became {value} at step {step} ({where}){last}{lr}; nothing after it means anything. "
              "Try: a lower learning rate or a longer warmup, grad_clip=1.0, bfloat16 rather than float16 "
              "(float16 overflows), and check the data for token ids ≥ vocab_size.",
        "es": "La pérdida pasó a ser {value} en el paso {step} ({where}){last}{lr}; nada de lo que sigue tiene sentido. "
              "Prueba: una tasa de aprendizaje menor o un calentamiento más largo, grad_clip=1.0, bfloat16 en vez de float16 "
              "(float16 se desborda) y revisa que los datos no tengan ids de token ≥ vocab_size.",
        "fr": "La perte est devenue {value} au pas {step} ({where}){last}{lr}\u202f; rien de ce qui suit n’a de sens. "
              "À essayer\u00a0: un taux d’apprentissage plus bas ou un warmup plus long, grad_clip=1.0, bfloat16 plutôt que "
              "float16 (float16 déborde), et vérifiez que les données n’ont pas d’identifiants de jeton ≥ vocab_size.",
        "zh-Hant": "損失在第 {step} 步變成 {value}（{where}）{last}{lr}；之後的數字都沒有意義。"
                   "可以嘗試：降低學習率或拉長暖身、grad_clip=1.0、用 bfloat16 取代 float16（float16 會溢位），"
                   "並檢查資料中是否有 ≥ vocab_size 的 token id。",
    },
    "nan_where.iter": {"en": "on an iter line", "es": "en una línea iter", "fr": "sur une ligne iter", "zh-Hant": "iter 行"},
    "nan_where.eval": {"en": "in an eval", "es": "en una evaluación", "fr": "lors d’une évaluation", "zh-Hant": "評估時"},
    "nan_divergence.last": {
        "en": "; the last finite loss was {loss} at step {step}",
        "es": "; la última pérdida finita fue {loss} en el paso {step}",
        "fr": "\u202f; la dernière perte finie était {loss} au pas {step}",
        "zh-Hant": "；最後一個有限的損失是第 {step} 步的 {loss}",
    },
    "nan_divergence.lr": {
        "en": ", with the LR at {lr}", "es": ", con la LR en {lr}", "fr": ", avec un LR de {lr}", "zh-Hant": "，當時學習率為 {lr}",
    },
    "loss_divergence.rose": {
        "en": "The training loss diverged: after reaching {min_loss} around step {min_step} it climbed from step {step} on and "
              "stayed up (now ≈ {level}, +{rise}). Try: a lower learning rate or a longer warmup, grad_clip=1.0, bfloat16 "
              "rather than float16, and check the data loader for repeated or corrupt batches.",
        "es": "La pérdida de entrenamiento divergió: tras llegar a {min_loss} hacia el paso {min_step}, subió a partir del paso "
              "{step} y no volvió a bajar (ahora ≈ {level}, +{rise}). Prueba: una tasa de aprendizaje menor o un calentamiento "
              "más largo, grad_clip=1.0, bfloat16 en vez de float16, y revisa que el cargador de datos no repita ni corrompa lotes.",
        "fr": "La perte d’entraînement a divergé\u00a0: après être descendue à {min_loss} vers le pas {min_step}, elle remonte "
              "depuis le pas {step} et reste haute (≈ {level}, +{rise}). À essayer\u00a0: un taux d’apprentissage plus bas ou "
              "un warmup plus long, grad_clip=1.0, bfloat16 plutôt que float16, et vérifiez que le chargeur de données ne "
              "répète ni ne corrompt de lots.",
        "zh-Hant": "訓練損失發散了：在第 {min_step} 步附近降到 {min_loss} 之後，從第 {step} 步開始回升且一直沒有下來"
                   "（目前約 {level}，+{rise}）。可以嘗試：降低學習率或拉長暖身、grad_clip=1.0、用 bfloat16 取代 float16，"
                   "並檢查資料載入是否重複或損壞了批次。",
    },
    "loss_divergence.above_random": {
        "en": "The training loss diverged: it had fallen to {min_loss} (around step {min_step}) but from step {step} it is above "
              "ln(vocab_size) = {ln_vocab} (vocab {vocab}), worse than guessing uniformly (peak {peak}). Try: a lower "
              "learning rate or a longer warmup, grad_clip=1.0, bfloat16 rather than float16.",
        "es": "La pérdida de entrenamiento divergió: había bajado a {min_loss} (hacia el paso {min_step}), pero desde el paso "
              "{step} supera ln(vocab_size) = {ln_vocab} (vocabulario de {vocab}), peor que adivinar al azar (máximo {peak}). "
              "Prueba: una tasa de aprendizaje menor o un calentamiento más largo, grad_clip=1.0, bfloat16 en vez de float16.",
        "fr": "La perte d’entraînement a divergé\u00a0: descendue à {min_loss} (vers le pas {min_step}), elle dépasse depuis "
              "le pas {step} ln(vocab_size) = {ln_vocab} (vocabulaire de {vocab}), pire qu’un tirage uniforme (pic à {peak}). "
              "À essayer\u00a0: un taux d’apprentissage plus bas ou un warmup plus long, grad_clip=1.0, bfloat16 plutôt que float16.",
        "zh-Hant": "訓練損失發散了：它曾降到 {min_loss}（約第 {min_step} 步），但從第 {step} 步起高於 "
                   "ln(vocab_size) = {ln_vocab}（詞表 {vocab}），比均勻亂猜還差（最高 {peak}）。"
                   "可以嘗試：降低學習率或拉長暖身、grad_clip=1.0、用 bfloat16 取代 float16。",
    },
    "loss_spike": {
        "en": "{count} loss spike(s); the largest at step {step}: {loss} against {baseline} just before (+{jump}). The iter "
              "loss is one micro-batch, so a lone spike can be one hard batch; repeated spikes mean the learning rate is near "
              "the edge of stability. Try: a lower peak LR or a longer warmup, grad_clip=1.0, and see whether spikes follow "
              "particular data.",
        "es": "{count} pico(s) de pérdida; el mayor en el paso {step}: {loss} frente a {baseline} justo antes (+{jump}). La "
              "pérdida de iter es un solo micro-lote, así que un pico aislado puede ser un lote difícil; si se repiten, la tasa "
              "de aprendizaje está al borde de la estabilidad. Prueba: una LR máxima menor o un calentamiento más largo, "
              "grad_clip=1.0, y mira si los picos coinciden con ciertos datos.",
        "fr": "{count} pic(s) de perte\u202f; le plus grand au pas {step}\u00a0: {loss} contre {baseline} juste avant (+{jump}). "
              "La perte iter est celle d’un seul micro-lot\u202f: un pic isolé peut être un lot difficile, des pics répétés "
              "signalent un taux d’apprentissage à la limite de la stabilité. À essayer\u00a0: un LR maximal plus bas ou un "
              "warmup plus long, grad_clip=1.0, et voyez si les pics suivent certaines données.",
        "zh-Hant": "{count} 次損失尖峰；最大的在第 {step} 步：{loss}，之前約 {baseline}（+{jump}）。iter 損失只是一個微批次，"
                   "單一尖峰可能只是一個難的批次；反覆出現則表示學習率接近穩定的邊緣。"
                   "可以嘗試：降低最大學習率或拉長暖身、grad_clip=1.0，並查看尖峰是否對應特定資料。",
    },
}

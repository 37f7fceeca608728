"""The analyzer's words: finding messages, table headers and labels, in every language.

Templates take pre-formatted fields (numbers go through trainer.i18n's fmt_*
helpers first; see trainer/analyze/messages.py). A message says what the log
shows, why (nanoGPT's mechanics), and what to try. French uses a no-break space
before ':' and a narrow one before ';', '?', '!'.
"""

CATALOG = {
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
        "fr": "Plateau\u00a0: de l’étape {start} à l’étape {end} ({evals} évaluations), la perte de validation n’a baissé que de {improvement}, "
              "moins que le bruit d’une différence entre deux évaluations ({threshold}\u202f; une évaluation ≈ ±{noise}, {noise_how}). "
              "Meilleure validation\u00a0: {best_val} à l’étape {best_step}{lr_part}. Continuer ainsi n’apporte guère que du bruit. "
              "À essayer\u00a0: des données plus nombreuses ou plus variées, un modèle plus grand si les données abondent, "
              "laisser le LR décroître davantage\u202f; gardez le checkpoint de la meilleure étape.",
        "zh-Hant": "停滯：從第 {start} 步到第 {end} 步（{evals} 次評估），驗證損失只下降了 {improvement}，"
                   "小於兩次評估之差的雜訊（{threshold}；單次評估約 ±{noise}，{noise_how}）。"
                   "最佳驗證損失 {best_val}，在第 {best_step} 步{lr_part}。以目前設定繼續訓練，多半只是在雜訊中打轉。"
                   "可以嘗試：更多或更多樣的資料；資料充足時換更大的模型；讓學習率繼續衰減；保留最佳步的檢查點。",
    },
    "plateau.lr": {
        "en": "; the LR is {lr} at step {step}",
        "es": "; la LR es {lr} en el paso {step}",
        "fr": "\u202f; le LR vaut {lr} à l’étape {step}",
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
        "zh-Hant": "即日誌列印的精度",
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
        "fr": "Surapprentissage\u00a0: la perte de validation a atteint son minimum, {best_val}, à l’étape {best_step}, puis est "
              "remontée à {last_val} à l’étape {last_step} (+{rise}, au-dessus du seuil de bruit {threshold}) pendant que la perte "
              "d’entraînement continuait de baisser ({train_best} → {train_last}, {train_how}). Le meilleur modèle est celui de "
              "l’étape {best_step}.{ckpt_note} À essayer\u00a0: des données plus nombreuses ou plus variées (moins d’époques), "
              "plus de dropout ou de weight decay, ou l’arrêt à la meilleure étape.",
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
        "fr": "perte des lignes iter autour de ces étapes", "zh-Hant": "這兩步附近 iter 行的損失",
    },
    # --- val below train ------------------------------------------------------------------------
    "val_below_train.head": {
        "en": "Val loss below train loss at {count} of {evals} evals; at step {step} val is {val}, train {train} {where}.",
        "es": "Pérdida de validación por debajo de la de entrenamiento en {count} de {evals} evaluaciones; en el paso {step}, "
              "validación {val} y entrenamiento {train} {where}.",
        "fr": "Perte de validation sous la perte d’entraînement dans {count} évaluations sur {evals}\u202f; à l’étape {step}, "
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
        "fr": "(la perte d’entraînement affichée pour cette étape)", "zh-Hant": "該步列印的訓練損失",
    },
    "val_below_train.eval_split_difference": {
        "en": "Both numbers come from estimate_loss() in eval mode, so dropout is off for both splits and cannot explain it. "
              "The gap ({gap}) is {ratio}× the sampling noise of the difference (≈{noise} with eval_iters={eval_iters}), "
              "so it is not chance either: the val split is easier to predict than the train split (other documents, "
              "less repetition, another slice of the corpus). It says nothing about regularization; compare how the "
              "two splits were made.",
        "es": "Ambos valores salen de estimate_loss() en modo eval: el dropout está apagado en los dos splits y no puede "
              "explicarlo. La diferencia ({gap}) es {ratio}× el ruido de muestreo de la diferencia (≈{noise} con "
              "eval_iters={eval_iters}), así que tampoco es azar: el split de validación es más fácil de predecir que el de "
              "entrenamiento (otros documentos, menos repetición, otra parte del corpus). No dice nada de la regularización; "
              "compara cómo se construyeron los dos splits.",
        "fr": "Les deux valeurs viennent d’estimate_loss() en mode eval\u202f: le dropout est coupé pour les deux splits et "
              "ne peut pas l’expliquer. L’écart ({gap}) vaut {ratio}× le bruit d’échantillonnage de la différence (≈{noise} "
              "avec eval_iters={eval_iters}), ce n’est donc pas le hasard non plus\u00a0: le split de validation est plus facile "
              "à prédire que celui d’entraînement (d’autres documents, moins de répétitions, une autre partie du corpus). "
              "Cela ne dit rien de la régularisation\u202f; comparez la façon dont les deux splits ont été construits.",
        "zh-Hant": "兩個數字都來自 eval 模式下的 estimate_loss()，兩個資料切分的 dropout 都已關閉，所以不可能是 dropout 造成的。"
                   "差距（{gap}）是這個差值抽樣雜訊（約 {noise}，eval_iters={eval_iters}）的 {ratio} 倍，也不是偶然："
                   "驗證集本身比訓練集容易預測（不同的文件、較少重複、或語料的另一部分）。這與正則化無關；"
                   "請比較兩個切分是怎麼做出來的。",
    },
    "val_below_train.eval_sampling_noise": {
        "en": "Both numbers come from estimate_loss() in eval mode, so dropout is off for both splits and cannot explain it. "
              "The gap ({gap}) is within the sampling noise of two estimates over eval_iters={eval_iters} random batches "
              "(≈{noise}): the two losses are statistically equal. A larger eval_iters tightens both.",
        "es": "Ambos valores salen de estimate_loss() en modo eval: el dropout está apagado en los dos splits y no puede "
              "explicarlo. La diferencia ({gap}) cabe en el ruido de muestreo de dos estimaciones sobre eval_iters={eval_iters} "
              "lotes aleatorios (≈{noise}): las dos pérdidas son estadísticamente iguales. Un eval_iters mayor las afina.",
        "fr": "Les deux valeurs viennent d’estimate_loss() en mode eval\u202f: le dropout est coupé pour les deux splits et ne "
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
              "{ratio}× el ruido combinado (≈{noise}): además de la forma de medir, el split de validación probablemente "
              "es más fácil que los datos de entrenamiento.",
        "fr": "Cette perte d’entraînement est mesurée en mode train, sur les lots de l’étape pendant que les poids "
              "changent{dropout}\u202f: elle reste au-dessus d’une évaluation propre des mêmes poids. L’écart ({gap}) vaut "
              "{ratio}× le bruit combiné (≈{noise})\u00a0: au-delà de la mesure, le split de validation est sans doute aussi "
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
        "fr": "Cette perte d’entraînement est mesurée en mode train, sur les lots de l’étape pendant que les poids "
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
              "Prueba: una tasa de aprendizaje menor o un warmup más largo, grad_clip=1.0, bfloat16 en vez de float16 "
              "(float16 se desborda) y revisa que los datos no tengan ids de token ≥ vocab_size.",
        "fr": "La perte est devenue {value} à l’étape {step} ({where}){last}{lr}\u202f; rien de ce qui suit n’a de sens. "
              "À essayer\u00a0: un taux d’apprentissage plus bas ou un warmup plus long, grad_clip=1.0, bfloat16 plutôt que "
              "float16 (float16 déborde), et vérifiez que les données n’ont pas d’identifiants de token ≥ vocab_size.",
        "zh-Hant": "損失在第 {step} 步變成 {value}（{where}）{last}{lr}；之後的數字都沒有意義。"
                   "可以嘗試：降低學習率或拉長 warmup、grad_clip=1.0、用 bfloat16 取代 float16（float16 會溢位），"
                   "並檢查資料中是否有 ≥ vocab_size 的 token id。",
    },
    "nan_where.iter": {"en": "on an iter line", "es": "en una línea iter", "fr": "sur une ligne iter", "zh-Hant": "iter 行"},
    "nan_where.eval": {"en": "in an eval", "es": "en una evaluación", "fr": "lors d’une évaluation", "zh-Hant": "評估時"},
    "nan_divergence.last": {
        "en": "; the last finite loss was {loss} at step {step}",
        "es": "; la última pérdida finita fue {loss} en el paso {step}",
        "fr": "\u202f; la dernière perte finie était {loss} à l’étape {step}",
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
              "{step} y no volvió a bajar (ahora ≈ {level}, +{rise}). Prueba: una tasa de aprendizaje menor o un warmup más "
              "largo, grad_clip=1.0, bfloat16 en vez de float16, y revisa que el cargador de datos no repita ni corrompa lotes.",
        "fr": "La perte d’entraînement a divergé\u00a0: après être descendue à {min_loss} vers l’étape {min_step}, elle remonte "
              "depuis l’étape {step} et reste haute (≈ {level}, +{rise}). À essayer\u00a0: un taux d’apprentissage plus bas ou "
              "un warmup plus long, grad_clip=1.0, bfloat16 plutôt que float16, et vérifiez que le chargeur de données ne "
              "répète ni ne corrompt de lots.",
        "zh-Hant": "訓練損失發散了：在第 {min_step} 步附近降到 {min_loss} 之後，從第 {step} 步開始回升且一直沒有下來"
                   "（目前約 {level}，+{rise}）。可以嘗試：降低學習率或拉長 warmup、grad_clip=1.0、用 bfloat16 取代 float16，"
                   "並檢查資料載入是否重複或損壞了批次。",
    },
    "loss_divergence.above_random": {
        "en": "The training loss diverged: it had fallen to {min_loss} (around step {min_step}) but from step {step} it is above "
              "ln(vocab_size) = {ln_vocab} (vocab {vocab}), worse than guessing uniformly (peak {peak}). Try: a lower "
              "learning rate or a longer warmup, grad_clip=1.0, bfloat16 rather than float16.",
        "es": "La pérdida de entrenamiento divergió: había bajado a {min_loss} (hacia el paso {min_step}), pero desde el paso "
              "{step} supera ln(vocab_size) = {ln_vocab} (vocabulario de {vocab}), peor que adivinar al azar (máximo {peak}). "
              "Prueba: una tasa de aprendizaje menor o un warmup más largo, grad_clip=1.0, bfloat16 en vez de float16.",
        "fr": "La perte d’entraînement a divergé\u00a0: descendue à {min_loss} (vers l’étape {min_step}), elle dépasse depuis "
              "l’étape {step} ln(vocab_size) = {ln_vocab} (vocabulaire de {vocab}), pire qu’un tirage uniforme (pic à {peak}). "
              "À essayer\u00a0: un taux d’apprentissage plus bas ou un warmup plus long, grad_clip=1.0, bfloat16 plutôt que float16.",
        "zh-Hant": "訓練損失發散了：它曾降到 {min_loss}（約第 {min_step} 步），但從第 {step} 步起高於 "
                   "ln(vocab_size) = {ln_vocab}（詞表 {vocab}），比均勻亂猜還差（最高 {peak}）。"
                   "可以嘗試：降低學習率或拉長 warmup、grad_clip=1.0、用 bfloat16 取代 float16。",
    },
    "loss_spike": {
        "en": "{count} loss spike(s); the largest at step {step}: {loss} against {baseline} just before (+{jump}). The iter "
              "loss is one micro-batch, so a lone spike can be one hard batch; repeated spikes mean the learning rate is near "
              "the edge of stability. Try: a lower peak LR or a longer warmup, grad_clip=1.0, and see whether spikes follow "
              "particular data.",
        "es": "{count} pico(s) de pérdida; el mayor en el paso {step}: {loss} frente a {baseline} justo antes (+{jump}). La "
              "pérdida de iter es un solo micro-lote, así que un pico aislado puede ser un lote difícil; si se repiten, la tasa "
              "de aprendizaje está al borde de la estabilidad. Prueba: una LR máxima menor o un warmup más largo, "
              "grad_clip=1.0, y mira si los picos coinciden con ciertos datos.",
        "fr": "{count} pic(s) de perte\u202f; le plus grand à l’étape {step}\u00a0: {loss} contre {baseline} juste avant (+{jump}). "
              "La perte iter est celle d’un seul micro-lot\u202f: un pic isolé peut être un lot difficile, des pics répétés "
              "signalent un taux d’apprentissage à la limite de la stabilité. À essayer\u00a0: un LR maximal plus bas ou un "
              "warmup plus long, grad_clip=1.0, et voyez si les pics suivent certaines données.",
        "zh-Hant": "{count} 次損失尖峰；最大的在第 {step} 步：{loss}，之前約 {baseline}（+{jump}）。iter 損失只是一個微批次，"
                   "單一尖峰可能只是一個難的批次；反覆出現則表示學習率接近穩定的邊緣。"
                   "可以嘗試：降低最大學習率或拉長 warmup、grad_clip=1.0，並查看尖峰是否對應特定資料。",
    },
    # --- crashes and endings ------------------------------------------------------------------------------
    "oom.startup": {
        "en": "Out of memory before the first iteration ({text}): the weights, optimizer state and one micro-batch's "
              "activations do not fit. Try: a smaller batch_size with a larger gradient_accumulation_steps (same tokens per "
              "iteration){suggest}, a smaller block_size or model, bfloat16, compile=True.",
        "es": "Sin memoria antes de la primera iteración ({text}): no caben los pesos, el estado del optimizador y las "
              "activaciones de un micro-lote. Prueba: un batch_size menor con un gradient_accumulation_steps mayor (mismos "
              "tokens por iteración){suggest}, un block_size o un modelo menores, bfloat16, compile=True.",
        "fr": "Mémoire épuisée avant la première itération ({text})\u00a0: les poids, l’état de l’optimiseur et les activations "
              "d’un micro-lot ne tiennent pas. À essayer\u00a0: un batch_size plus petit avec un gradient_accumulation_steps "
              "plus grand (mêmes tokens par itération){suggest}, un block_size ou un modèle plus petits, bfloat16, compile=True.",
        "zh-Hant": "第一次迭代之前就記憶體不足（{text}）：權重、優化器狀態和一個微批次的激活值放不下。"
                   "可以嘗試：縮小 batch_size、同時加大 gradient_accumulation_steps（每次迭代的 token 數不變）{suggest}、"
                   "縮小 block_size 或模型、使用 bfloat16、compile=True。",
    },
    "oom.training": {
        "en": "Out of memory during training, after step {step} ({text}). Memory use grows until the first optimizer step "
              "(AdamW's state) and can creep up with fragmentation. Try: a smaller batch_size with a larger "
              "gradient_accumulation_steps (same tokens per iteration){suggest}, a smaller block_size, bfloat16.",
        "es": "Sin memoria durante el entrenamiento, después del paso {step} ({text}). El uso de memoria crece hasta el primer "
              "paso del optimizador (el estado de AdamW) y puede subir por fragmentación. Prueba: un batch_size menor con un "
              "gradient_accumulation_steps mayor (mismos tokens por iteración){suggest}, un block_size menor, bfloat16.",
        "fr": "Mémoire épuisée pendant l’entraînement, après l’étape {step} ({text}). La mémoire grimpe jusqu’au premier pas "
              "de l’optimiseur (l’état d’AdamW) et peut dériver par fragmentation. À essayer\u00a0: un batch_size plus petit "
              "avec un gradient_accumulation_steps plus grand (mêmes tokens par itération){suggest}, un block_size plus "
              "petit, bfloat16.",
        "zh-Hant": "訓練中在第 {step} 步之後記憶體不足（{text}）。記憶體用量會增加到第一次優化器更新（AdamW 的狀態）為止，"
                   "也可能因碎片化而慢慢上升。可以嘗試：縮小 batch_size、同時加大 gradient_accumulation_steps"
                   "（每次迭代的 token 數不變）{suggest}、縮小 block_size、使用 bfloat16。",
    },
    "oom.eval": {
        "en": "Out of memory right after the eval at step {step} ({text}): that iteration also runs estimate_loss() and the "
              "checkpoint save. Try: a smaller batch_size with a larger gradient_accumulation_steps{suggest}, or fewer "
              "eval_iters; check nothing else is using the GPU.",
        "es": "Sin memoria justo después de la evaluación del paso {step} ({text}): esa iteración también ejecuta "
              "estimate_loss() y guarda el checkpoint. Prueba: un batch_size menor con un gradient_accumulation_steps "
              "mayor{suggest}, o menos eval_iters; comprueba que nada más use la GPU.",
        "fr": "Mémoire épuisée juste après l’évaluation de l’étape {step} ({text})\u00a0: cette itération exécute aussi "
              "estimate_loss() et la sauvegarde du checkpoint. À essayer\u00a0: un batch_size plus petit avec un "
              "gradient_accumulation_steps plus grand{suggest}, ou moins d’eval_iters\u202f; vérifiez que rien d’autre "
              "n’utilise le GPU.",
        "zh-Hant": "第 {step} 步評估之後隨即記憶體不足（{text}）：那次迭代還會執行 estimate_loss() 並儲存檢查點。"
                   "可以嘗試：縮小 batch_size、加大 gradient_accumulation_steps{suggest}，或減少 eval_iters；"
                   "也確認沒有其他程式在用 GPU。",
    },
    "oom.suggest": {
        "en": ", e.g. batch_size {bs} → {new_bs} with gradient_accumulation_steps {ga} → {new_ga}",
        "es": ", p. ej. batch_size {bs} → {new_bs} con gradient_accumulation_steps {ga} → {new_ga}",
        "fr": ", p. ex. batch_size {bs} → {new_bs} avec gradient_accumulation_steps {ga} → {new_ga}",
        "zh-Hant": "，例如 batch_size {bs} → {new_bs}、gradient_accumulation_steps {ga} → {new_ga}",
    },
    "at.after": {"en": "after step {step}", "es": "después del paso {step}", "fr": "après l’étape {step}",
                 "zh-Hant": "在第 {step} 步之後"},
    "at.before": {"en": "before the first logged step", "es": "antes del primer paso registrado",
                  "fr": "avant la première étape journalisée", "zh-Hant": "在第一個記錄的步之前"},
    "interrupted.keyboard": {
        "en": "The run was stopped with Ctrl-C (KeyboardInterrupt) {at}. If that was not you, run long jobs under tmux or nohup.",
        "es": "La ejecución se detuvo con Ctrl-C (KeyboardInterrupt) {at}. Si no fuiste tú, lanza los trabajos largos con tmux o nohup.",
        "fr": "L’exécution a été arrêtée par Ctrl-C (KeyboardInterrupt) {at}. Si ce n’était pas vous, lancez les longs "
              "entraînements sous tmux ou nohup.",
        "zh-Hant": "這次訓練{at}被 Ctrl-C（KeyboardInterrupt）中止。如果不是你按的，長時間的工作請在 tmux 或 nohup 下執行。",
    },
    "interrupted.killed": {
        "en": "The process was killed {at} ({text}). A bare “Killed” is usually the Linux OOM killer (host RAM, not GPU "
              "memory) or a scheduler's time limit. Try: check dmesg and the job limits; reduce host memory use.",
        "es": "El proceso fue terminado {at} ({text}). Un «Killed» a secas suele ser el OOM killer de Linux (RAM del host, no "
              "memoria de la GPU) o el límite de tiempo del gestor de colas. Prueba: revisa dmesg y los límites del trabajo; "
              "reduce el uso de memoria del host.",
        "fr": "Le processus a été tué {at} ({text}). Un «\u00a0Killed\u00a0» tout court vient en général de l’OOM killer de Linux "
              "(mémoire vive de l’hôte, pas du GPU) ou de la limite de temps de l’ordonnanceur. À essayer\u00a0: consultez "
              "dmesg et les limites du job\u202f; réduisez la mémoire utilisée côté hôte.",
        "zh-Hant": "行程{at}被終止（{text}）。單獨一個「Killed」通常是 Linux 的 OOM killer（主機記憶體，不是 GPU 記憶體）"
                   "或排程系統的時間上限。可以嘗試：查看 dmesg 與工作的資源限制；減少主機端的記憶體用量。",
    },
    "interrupted.exception": {
        "en": "The run crashed {at}: {text}. Read the traceback above that line in the log; once fixed, continue from the "
              "last checkpoint with init_from='resume'.",
        "es": "La ejecución falló {at}: {text}. Lee el traceback que la precede en el registro; una vez corregido, continúa "
              "desde el último checkpoint con init_from='resume'.",
        "fr": "L’exécution a planté {at}\u00a0: {text}. Lisez la trace qui précède cette ligne dans le journal\u202f; une fois "
              "corrigé, reprenez depuis le dernier checkpoint avec init_from='resume'.",
        "zh-Hant": "訓練{at}當掉了：{text}。請閱讀日誌中這一行之前的 traceback；修正後可用 init_from='resume' 從最後的檢查點繼續。",
    },
    "interrupted.incomplete": {
        "en": "The log ends at step {step}, {progress} of max_iters = {max_steps}, with no error: the run is still going, "
              "was stopped without a trace, or the log was copied early. Everything here describes the run up to that step.",
        "es": "El registro termina en el paso {step}, el {progress} de max_iters = {max_steps}, sin ningún error: la ejecución "
              "sigue en marcha, se detuvo sin dejar rastro o el registro se copió antes. Todo lo de aquí describe la "
              "ejecución hasta ese paso.",
        "fr": "Le journal s’arrête à l’étape {step}, soit {progress} de max_iters = {max_steps}, sans erreur\u00a0: "
              "l’entraînement continue, s’est arrêté sans laisser de trace, ou le journal a été copié trop tôt. Tout ce qui "
              "suit décrit l’exécution jusqu’à cette étape.",
        "zh-Hant": "日誌停在第 {step} 步，是 max_iters = {max_steps} 的 {progress}，且沒有錯誤訊息："
                   "訓練可能仍在進行、被無聲地停止，或日誌太早被複製。這裡的結果只描述到那一步為止。",
    },
    "truncated": {
        "en": "The last line of the file is cut off (“{line}”): the log was copied while the run was writing, or the process "
              "died mid-line. It was ignored.",
        "es": "La última línea del archivo está cortada («{line}»): el registro se copió mientras se escribía o el proceso murió "
              "a mitad de línea. Se ha ignorado.",
        "fr": "La dernière ligne du fichier est coupée («\u00a0{line}\u00a0»)\u00a0: le journal a été copié pendant l’écriture, "
              "ou le processus est mort au milieu d’une ligne. Elle a été ignorée.",
        "zh-Hant": "檔案最後一行被截斷（「{line}」）：日誌是在寫入中被複製的，或行程在寫到一半時結束。這一行已略過。",
    },
    # --- time and MFU -----------------------------------------------------------------------------------------
    "eval_time_spike": {
        "en": "{count} iterations took far longer than the usual {median}: {eval_median} typically (up to {eval_max}). They "
              "are the eval iterations: their time includes estimate_loss() (2 × eval_iters forward passes) and the checkpoint "
              "save, {overhead} each. Training did not slow down; leave them out when judging speed.{mfu} If evals cost too "
              "much, raise eval_interval or lower eval_iters.",
        "es": "{count} iteraciones tardaron mucho más que los {median} habituales: {eval_median} típicamente (hasta {eval_max}). "
              "Son las iteraciones con evaluación: su tiempo incluye estimate_loss() (2 × eval_iters pasadas hacia delante) y "
              "el guardado del checkpoint, {overhead} cada una. El entrenamiento no se ralentizó; déjalas fuera al medir la "
              "velocidad.{mfu} Si las evaluaciones cuestan demasiado, sube eval_interval o baja eval_iters.",
        "fr": "{count} itérations ont duré bien plus que les {median} habituelles\u00a0: {eval_median} en général (jusqu’à "
              "{eval_max}). Ce sont les itérations d’évaluation\u00a0: leur temps inclut estimate_loss() (2 × eval_iters passes "
              "avant) et la sauvegarde du checkpoint, {overhead} chacune. L’entraînement n’a pas ralenti\u202f; laissez-les de "
              "côté pour juger la vitesse.{mfu} Si les évaluations coûtent trop, augmentez eval_interval ou baissez eval_iters.",
        "zh-Hant": "{count} 次迭代比平常的 {median} 慢得多：一般為 {eval_median}（最多 {eval_max}）。"
                   "它們是有評估的迭代：計時包含 estimate_loss()（2 × eval_iters 次前向傳播）與儲存檢查點，每次約多 {overhead}。"
                   "訓練本身並沒有變慢，評估速度時請排除它們。{mfu}如果評估太花時間，可以加大 eval_interval 或減少 eval_iters。",
    },
    "eval_time_spike.mfu": {
        "en": " The printed MFU, a running average, dips by about {dip} points after each.",
        "es": " El MFU impreso, una media móvil, cae unos {dip} puntos tras cada una.",
        "fr": " Le MFU affiché, une moyenne glissante, perd environ {dip} points après chacune.",
        "zh-Hant": "列印的 MFU 是滑動平均，每次之後會掉約 {dip} 個百分點。",
    },
    "compile_warmup": {
        "en": "The first iteration (step {step}) took {time}, {ratio}× the usual {median}: {cause}{eval}. It is a one-off "
              "{excess}; leave it out of speed and MFU estimates.",
        "es": "La primera iteración (paso {step}) tardó {time}, {ratio}× los {median} habituales: {cause}{eval}. Es un coste "
              "único de {excess}; déjala fuera al estimar la velocidad y el MFU.",
        "fr": "La première itération (étape {step}) a pris {time}, {ratio}× les {median} habituelles\u00a0: {cause}{eval}. "
              "C’est un coût unique de {excess}\u202f; laissez-la de côté pour estimer la vitesse et le MFU.",
        "zh-Hant": "第一次迭代（第 {step} 步）花了 {time}，是平常 {median} 的 {ratio} 倍：{cause}{eval}。"
                   "這是一次性的 {excess}，估計速度與 MFU 時請排除。",
    },
    "compile.cause.compile": {
        "en": "torch.compile compiles the model then, on top of CUDA warm-up",
        "es": "torch.compile compila el modelo en ese momento, además del calentamiento de CUDA",
        "fr": "torch.compile compile alors le modèle, en plus de l’échauffement CUDA",
        "zh-Hant": "torch.compile 在這時編譯模型，外加 CUDA 的暖機",
    },
    "compile.cause.nocompile": {
        "en": "warm-up (CUDA context, kernel selection, memory allocation; compile is off)",
        "es": "calentamiento (contexto CUDA, selección de kernels, reserva de memoria; compile está desactivado)",
        "fr": "échauffement (contexte CUDA, choix des noyaux, allocation mémoire\u202f; compile est désactivé)",
        "zh-Hant": "暖機（CUDA 環境、核心選擇、記憶體配置；compile 已關閉）",
    },
    "compile.cause.unknown": {
        "en": "compilation (torch.compile, if on) and warm-up",
        "es": "compilación (torch.compile, si está activo) y calentamiento",
        "fr": "compilation (torch.compile, s’il est actif) et échauffement",
        "zh-Hant": "編譯（若開啟 torch.compile）與暖機",
    },
    "compile.eval": {
        "en": ", plus the eval of step {step} that runs first in that iteration",
        "es": ", más la evaluación del paso {step}, que se ejecuta al principio de esa iteración",
        "fr": ", plus l’évaluation de l’étape {step}, exécutée au début de cette itération",
        "zh-Hant": "，再加上在該次迭代開頭執行的第 {step} 步評估",
    },
    "mfu_warmup_sentinel": {
        "en": "The `mfu -100.00%` on {count} line(s), up to step {last}, is not a measurement: nanoGPT starts its running MFU "
              "at -1 and only updates it from the process's 5th iteration on (local_iter_num ≥ 5).{first} Ignore it; this "
              "analysis does.",
        "es": "El `mfu -100.00%` de {count} línea(s), hasta el paso {last}, no es una medida: nanoGPT inicia su MFU móvil en -1 "
              "y solo lo actualiza a partir de la 5.ª iteración del proceso (local_iter_num ≥ 5).{first} Ignóralo; este análisis "
              "lo hace.",
        "fr": "Le `mfu -100.00%` de {count} ligne(s), jusqu’à l’étape {last}, n’est pas une mesure\u00a0: nanoGPT démarre son "
              "MFU glissant à -1 et ne le met à jour qu’à partir de la 5ᵉ itération du processus (local_iter_num ≥ 5).{first} "
              "Ignorez-le\u202f; cette analyse le fait.",
        "zh-Hant": "{count} 行上的 `mfu -100.00%`（到第 {last} 步為止）不是量測值：nanoGPT 的滑動 MFU 從 -1 開始，"
                   "要到這個行程的第 5 次迭代（local_iter_num ≥ 5）才更新。{first}請忽略它；本分析也已略過。",
    },
    "mfu_warmup_sentinel.first": {
        "en": " The first real value is {value} at step {step}.",
        "es": " El primer valor real es {value} en el paso {step}.",
        "fr": " La première vraie valeur est {value} à l’étape {step}.",
        "zh-Hant": "第一個真正的數值是第 {step} 步的 {value}。",
    },
    "mfu_a100_reference": {
        "en": "The printed MFU (typically {mfu}) is relative to the A100's {a100} TFLOPS bf16 peak whatever GPU ran it: "
              "nanoGPT hardcodes that number. On another card it is not that card's utilization; pass --device-name to "
              "re-normalize it.",
        "es": "El MFU impreso (normalmente {mfu}) es relativo al pico bf16 de {a100} TFLOPS de una A100, sea cual sea la GPU: "
              "nanoGPT fija ese número en el código. En otra tarjeta no es su utilización; usa --device-name para renormalizarlo.",
        "fr": "Le MFU affiché (en général {mfu}) est relatif au pic bf16 de {a100} TFLOPS d’une A100, quel que soit le GPU\u00a0: "
              "nanoGPT code ce nombre en dur. Sur une autre carte, ce n’est pas son taux d’utilisation\u202f; passez "
              "--device-name pour le renormaliser.",
        "zh-Hant": "列印的 MFU（一般為 {mfu}）是相對於 A100 的 bf16 峰值 {a100} TFLOPS，不論實際用的是哪張 GPU："
                   "nanoGPT 把這個數字寫死在程式裡。換成別張卡，它就不是那張卡的使用率；請用 --device-name 重新換算。",
    },
    "mfu_a100_reference.device": {
        "en": "The printed MFU (typically {mfu}) is relative to the A100's {a100} TFLOPS bf16 peak, which nanoGPT hardcodes. "
              "The {device} peaks at {peak} TFLOPS, so the same throughput is {mfu_device} of this card (×{factor}).",
        "es": "El MFU impreso (normalmente {mfu}) es relativo al pico bf16 de {a100} TFLOPS de una A100, que nanoGPT fija en "
              "el código. La {device} llega a {peak} TFLOPS, así que el mismo rendimiento es el {mfu_device} de esta tarjeta "
              "(×{factor}).",
        "fr": "Le MFU affiché (en général {mfu}) est relatif au pic bf16 de {a100} TFLOPS d’une A100, que nanoGPT code en dur. "
              "La {device} culmine à {peak} TFLOPS\u00a0: le même débit représente {mfu_device} de cette carte (×{factor}).",
        "zh-Hant": "列印的 MFU（一般為 {mfu}）是相對於 nanoGPT 寫死的 A100 bf16 峰值 {a100} TFLOPS。"
                   "{device} 的峰值是 {peak} TFLOPS，所以同樣的吞吐量等於這張卡的 {mfu_device}（×{factor}）。",
    },
    "low_mfu": {
        "en": "Low MFU: about {mfu} of {device}'s peak ({how}), under {threshold}: most of the compute goes unused. Try: a larger "
              "batch_size (keep tokens per iteration with gradient_accumulation_steps), compile=True, bfloat16, fused "
              "AdamW, and check the data loader; very small models are memory-bound and never reach a high MFU.",
        "es": "MFU bajo: alrededor del {mfu} del pico de {device} ({how}), por debajo del {threshold}: la mayor parte "
              "del cómputo disponible no se usa. Prueba: un batch_size mayor (mantén los tokens por iteración con "
              "gradient_accumulation_steps), compile=True, bfloat16, AdamW fusionado, y revisa el cargador de datos; los "
              "modelos muy pequeños están limitados por la memoria y nunca alcanzan un MFU alto.",
        "fr": "MFU faible\u00a0: environ {mfu} du pic de {device} ({how}), sous les {threshold}\u00a0: l’essentiel de la "
              "puissance de calcul reste inutilisé. À essayer\u00a0: un batch_size plus grand (gardez les tokens par itération avec "
              "gradient_accumulation_steps), compile=True, bfloat16, AdamW fusionné, et vérifiez le chargeur de données\u202f; "
              "les très petits modèles sont limités par la mémoire et n’atteignent jamais un MFU élevé.",
        "zh-Hant": "MFU 偏低：約為 {device} 峰值的 {mfu}（{how}），低於 {threshold}：大部分算力都沒有用上。"
                   "可以嘗試：加大 batch_size（用 gradient_accumulation_steps 維持每次迭代的 token 數）、compile=True、"
                   "bfloat16、fused AdamW，並檢查資料載入；很小的模型受記憶體頻寬限制，MFU 本來就不會高。",
    },
    "low_mfu.how.renormalized": {
        "en": "nanoGPT's printed MFU re-normalized to this card", "es": "el MFU impreso por nanoGPT, renormalizado a esta tarjeta",
        "fr": "le MFU affiché par nanoGPT, renormalisé pour cette carte", "zh-Hant": "由 nanoGPT 列印的 MFU 換算到這張卡",
    },
    "low_mfu.how.trainer": {
        "en": "as the trainer measured it", "es": "según lo midió el entrenador",
        "fr": "tel que l’entraîneur l’a mesuré", "zh-Hant": "依訓練程式的量測",
    },
    "low_mfu.how.printed": {
        "en": "as llm.c prints it", "es": "tal como lo imprime llm.c", "fr": "tel que llm.c l’affiche", "zh-Hant": "即 llm.c 列印的值",
    },
    "low_mfu.how.recomputed": {
        "en": "recomputed from the config and the iteration times", "es": "recalculado a partir de la configuración y los tiempos",
        "fr": "recalculé d’après la configuration et les temps d’itération", "zh-Hant": "由設定與迭代時間重新計算",
    },
    "device.unknown": {"en": "the device", "es": "el dispositivo", "fr": "l’appareil", "zh-Hant": "該裝置"},
}

# --- labels of the reports and the plot -------------------------------------------------------------------
LABELS = {
    "col.step": {"en": "step", "es": "paso", "fr": "étape", "zh-Hant": "步數"},
    "col.train_loss": {"en": "train loss", "es": "pérdida de entrenamiento", "fr": "perte d’entraînement", "zh-Hant": "訓練損失"},
    "col.val_loss": {"en": "val loss", "es": "pérdida de validación", "fr": "perte de validation", "zh-Hant": "驗證損失"},
    "col.lr": {"en": "lr", "es": "LR", "fr": "LR", "zh-Hant": "學習率"},
    "col.tokens_seen": {"en": "tokens seen", "es": "tokens vistos", "fr": "tokens vus", "zh-Hant": "已見 token 數"},
    "col.comment": {"en": "comment", "es": "comentario", "fr": "commentaire", "zh-Hant": "備註"},
    "sev.error": {"en": "error", "es": "error", "fr": "erreur", "zh-Hant": "錯誤"},
    "sev.warning": {"en": "warning", "es": "aviso", "fr": "avertissement", "zh-Hant": "警告"},
    "sev.info": {"en": "info", "es": "info", "fr": "info", "zh-Hant": "資訊"},
    "title.run": {"en": "Run {n}", "es": "Ejecución {n}", "fr": "Exécution {n}", "zh-Hant": "第 {n} 次訓練"},
    "title.summary": {
        "en": "{fmt} log: {runs} run(s), {lines} lines", "es": "registro {fmt}: {runs} ejecución(es), {lines} líneas",
        "fr": "journal {fmt}\u00a0: {runs} exécution(s), {lines} lignes", "zh-Hant": "{fmt} 日誌：{runs} 次訓練，{lines} 行",
    },
    "title.findings": {"en": "Findings", "es": "Hallazgos", "fr": "Constats", "zh-Hant": "診斷結果"},
    "title.facts": {"en": "Facts", "es": "Datos", "fr": "Faits", "zh-Hant": "數據"},
    "title.evidence": {"en": "Evidence", "es": "Evidencia", "fr": "Éléments", "zh-Hant": "證據"},
    "title.no_findings": {"en": "No findings.", "es": "Sin hallazgos.", "fr": "Aucun constat.", "zh-Hant": "沒有診斷結果。"},
    "title.steps": {"en": "steps", "es": "pasos", "fr": "étapes", "zh-Hant": "步數"},
    "comment.start": {"en": "start", "es": "inicio", "fr": "début", "zh-Hant": "起點"},
    "comment.uniform": {"en": "≈ ln(vocab) = {ln_v}: uniform guess", "es": "≈ ln(vocab) = {ln_v}: azar uniforme",
                        "fr": "≈ ln(vocab) = {ln_v}\u00a0: tirage uniforme", "zh-Hant": "≈ ln(vocab) = {ln_v}：均勻亂猜"},
    "comment.best": {"en": "lowest val", "es": "mínimo de validación", "fr": "validation minimale",
                     "zh-Hant": "驗證損失最低"},
    "comment.above_best": {"en": "above the best", "es": "por encima del mejor", "fr": "au-dessus du meilleur",
                           "zh-Hant": "高於最佳值"},
    "comment.plateau": {"en": "plateau", "es": "meseta", "fr": "plateau", "zh-Hant": "停滯"},
    "comment.val_below_train": {"en": "val < train", "es": "val < train", "fr": "val < train", "zh-Hant": "驗證 < 訓練"},
    "comment.nonfinite": {"en": "not finite", "es": "no finito", "fr": "non fini", "zh-Hant": "非有限值"},
    "comment.improving": {"en": "improving", "es": "mejorando", "fr": "en progrès", "zh-Hant": "持續改善"},
    "fact.config_source": {"en": "config", "es": "configuración", "fr": "configuration", "zh-Hant": "設定"},
    "fact.config.file": {"en": "from --config", "es": "de --config", "fr": "issue de --config", "zh-Hant": "來自 --config"},
    "fact.config.log": {"en": "read from the log", "es": "leída del registro", "fr": "lue dans le journal",
                        "zh-Hant": "從日誌讀出"},
    "fact.tokens_per_iter": {"en": "tokens per iteration", "es": "tokens por iteración", "fr": "tokens par itération",
                             "zh-Hant": "每次迭代的 token 數"},
    "fact.tokens_seen": {"en": "tokens seen by step {step}", "es": "tokens vistos hasta el paso {step}",
                         "fr": "tokens vus à l’étape {step}", "zh-Hant": "到第 {step} 步已見 token 數"},
    "fact.n_params": {"en": "parameters (nanoGPT's count)", "es": "parámetros (cuenta de nanoGPT)",
                      "fr": "paramètres (décompte de nanoGPT)", "zh-Hant": "參數量（nanoGPT 算法）"},
    "fact.n_params_log": {"en": "parameters printed in the log", "es": "parámetros impresos en el registro",
                          "fr": "paramètres affichés dans le journal", "zh-Hant": "日誌列印的參數量"},
    "fact.data_tokens": {"en": "training tokens", "es": "tokens de entrenamiento", "fr": "tokens d’entraînement",
                         "zh-Hant": "訓練資料 token 數"},
    "fact.epochs": {"en": "epochs over the training data", "es": "épocas sobre los datos de entrenamiento",
                    "fr": "époques sur les données d’entraînement", "zh-Hant": "訓練資料的 epoch 數"},
    "fact.tokens_per_param": {"en": "tokens per parameter", "es": "tokens por parámetro", "fr": "tokens par paramètre",
                              "zh-Hant": "每個參數的 token 數"},
    "fact.chinchilla": {"en": "{x}× Chinchilla's ~20", "es": "{x}× los ~20 de Chinchilla", "fr": "{x}× les ~20 de Chinchilla",
                        "zh-Hant": "Chinchilla 約 20 的 {x} 倍"},
    "fact.lr_last": {"en": "LR at step {step}", "es": "LR en el paso {step}", "fr": "LR à l’étape {step}",
                     "zh-Hant": "第 {step} 步的學習率"},
    "fact.progress": {"en": "progress", "es": "progreso", "fr": "avancement", "zh-Hant": "進度"},
    "fact.mfu_printed": {"en": "MFU as printed (A100 = 312 TFLOPS)", "es": "MFU impreso (A100 = 312 TFLOPS)",
                         "fr": "MFU affiché (A100 = 312 TFLOPS)", "zh-Hant": "列印的 MFU（A100 = 312 TFLOPS）"},
    "fact.mfu_printed_device": {"en": "MFU as printed (against the device's peak)",
                                "es": "MFU impreso (frente al pico del dispositivo)",
                                "fr": "MFU affiché (par rapport au pic de l’appareil)",
                                "zh-Hant": "列印的 MFU（相對於該裝置的峰值）"},
    "fact.mfu_recomputed": {"en": "MFU recomputed ({ms} per iteration)", "es": "MFU recalculado ({ms} por iteración)",
                            "fr": "MFU recalculé ({ms} par itération)", "zh-Hant": "重新計算的 MFU（每次迭代 {ms}）"},
    "fact.mfu_device": {"en": "MFU on {device} ({peak} TFLOPS)", "es": "MFU en {device} ({peak} TFLOPS)",
                        "fr": "MFU sur {device} ({peak} TFLOPS)", "zh-Hant": "{device} 上的 MFU（{peak} TFLOPS）"},
    "plot.iteration": {"en": "iteration", "es": "iteración", "fr": "itération", "zh-Hant": "迭代"},
    "plot.loss": {"en": "loss", "es": "pérdida", "fr": "perte", "zh-Hant": "損失"},
    "plot.iter_loss": {"en": "train loss (iter lines)", "es": "pérdida de entrenamiento (líneas iter)",
                       "fr": "perte d’entraînement (lignes iter)", "zh-Hant": "訓練損失（iter 行）"},
    "plot.eval_train": {"en": "train loss (eval)", "es": "pérdida de entrenamiento (eval)",
                        "fr": "perte d’entraînement (éval.)", "zh-Hant": "訓練損失（評估）"},
    "plot.val": {"en": "val loss", "es": "pérdida de validación", "fr": "perte de validation", "zh-Hant": "驗證損失"},
    "unit.s": {"en": "s", "es": "s", "fr": "s", "zh-Hant": "秒"},
    "sep": {"en": ": ", "es": ": ", "fr": "\u00a0: ", "zh-Hant": "："},
    "join": {"en": "; ", "es": "; ", "fr": "\u202f; ", "zh-Hant": "；"},
}

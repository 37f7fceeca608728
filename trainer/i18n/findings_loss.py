"""The analyzer's words about the loss curves against each other: plateau, overfitting, a widening
generalization gap, memorization, val below train, and how the noise was measured.

Templates take pre-formatted fields (numbers go through trainer.i18n's fmt_* helpers first;
see trainer/analyze/messages.py). A message says what the log shows, why, and what to try.
French uses a no-break space before ':' and a narrow one before ';', '?', '!'.
"""

LOSS_FINDINGS = {
    # --- plateau ------------------------------------------------------------------------
    "plateau": {
        "en": "Plateau: from step {start} to step {end} ({evals} evals) the val loss improved by only {improvement}, "
              "less than twice the noise of a difference between two evals (2 × {diff} = {threshold}; one eval "
              "≈ ±{noise}, {noise_how}). Best val {best_val} at step {best_step}.",
        "es": "Meseta: del paso {start} al {end} ({evals} evaluaciones) la pérdida de validación solo mejoró {improvement}, "
              "menos que el doble del ruido de la diferencia entre dos evaluaciones (2 × {diff} = {threshold}; una "
              "evaluación ≈ ±{noise}, {noise_how}). Mejor validación: {best_val} en el paso {best_step}.",
        "fr": "Plateau\u00a0: du pas {start} au pas {end} ({evals} évaluations), la perte de validation n’a baissé que "
              "de {improvement}, moins que le double du bruit d’une différence entre deux évaluations (2 × {diff} = "
              "{threshold}\u202f; une évaluation ≈ ±{noise}, {noise_how}). Meilleure validation\u00a0: {best_val} au "
              "pas {best_step}.",
        "zh-Hant": "停滯：從第 {start} 步到第 {end} 步（{evals} 次評估），驗證損失只下降了 {improvement}，"
                   "不到兩次評估之差雜訊的兩倍（2 × {diff} = {threshold}；單次評估約 ±{noise}，{noise_how}）。"
                   "最佳驗證損失 {best_val}，在第 {best_step} 步。",
    },
    "plateau.decaying": {
        "en": "The learning rate at step {step} is still {lr}{of}: the schedule has not finished, and the end of the "
              "decay often brings the last gains. Let the schedule finish before judging or changing anything; keep "
              "the checkpoint of the best step.",
        "es": "La LR en el paso {step} sigue siendo {lr}{of}: el calendario no ha terminado, y el final del decaimiento "
              "suele traer las últimas mejoras. Deja que termine antes de sacar conclusiones o cambiar nada; guarda el "
              "checkpoint del mejor paso.",
        "fr": "Le LR vaut encore {lr} au pas {step}{of}\u00a0: le calendrier n’est pas terminé, et la fin de la "
              "décroissance apporte souvent les derniers gains. Laissez-le aller à son terme avant de conclure ou de "
              "changer quoi que ce soit\u202f; gardez le checkpoint du meilleur pas.",
        "zh-Hant": "第 {step} 步的學習率仍是 {lr}{of}：學習率排程還沒走完，而衰減的最後一段往往帶來最後的進步。"
                   "先讓排程跑完再下判斷或做任何調整；保留最佳步的檢查點。",
    },
    "plateau.lr_floor": {
        "en": ", at least twice its floor min_lr = {floor}", "es": ", al menos el doble de su mínimo min_lr = {floor}",
        "fr": ", au moins le double de son plancher min_lr = {floor}", "zh-Hant": "，至少是下限 min_lr = {floor} 的兩倍",
    },
    "plateau.lr_multiplier": {
        "en": "{x}× its peak (lrm)", "es": "{x} veces su máximo (lrm)", "fr": "{x} fois son maximum (lrm)",
        "zh-Hant": "峰值的 {x} 倍（lrm）",
    },
    "plateau.lr_peak": {
        "en": ", at least half of its peak {peak}", "es": ", al menos la mitad de su máximo {peak}",
        "fr": ", au moins la moitié de son maximum {peak}", "zh-Hant": "，至少是峰值 {peak} 的一半",
    },
    "plateau.done": {
        "en": "The learning rate has finished decaying, so more steps at this setting mostly buy noise. Try: more or "
              "more varied data, a bigger model if data is plentiful; keep the checkpoint of the best step.",
        "es": "La LR ya terminó de bajar, así que seguir entrenando así apenas aporta algo más que ruido. Prueba: más datos o más "
              "variados, un modelo mayor si sobran datos; guarda el checkpoint del mejor paso.",
        "fr": "Le LR a fini de décroître\u202f: continuer ainsi n’apporte guère que du bruit. À essayer\u00a0: des données "
              "plus nombreuses ou plus variées, un modèle plus grand si les données abondent\u202f; gardez le checkpoint "
              "du meilleur pas.",
        "zh-Hant": "學習率已經衰減完畢，以目前設定繼續訓練，多半只是在雜訊中打轉。"
                   "可以嘗試：更多或更多樣的資料；資料充足時換更大的模型；保留最佳步的檢查點。",
    },
    "plateau.unknown": {
        "en": "The log does not say where the learning rate is: if it is still decaying, let the schedule finish first; "
              "if it has finished, more steps at this setting mostly buy noise. Try: more or more varied data, a bigger "
              "model if data is plentiful; keep the checkpoint of the best step.",
        "es": "El registro no dice en qué punto está la LR: si todavía está bajando, deja primero que termine el "
              "calendario; si ya terminó, seguir entrenando así apenas aporta algo más que ruido. Prueba: más datos o más variados, "
              "un modelo mayor si sobran datos; guarda el checkpoint del mejor paso.",
        "fr": "Le journal ne dit pas où en est le LR\u00a0: s’il décroît encore, laissez d’abord le calendrier aller à son "
              "terme\u202f; s’il a fini, continuer ainsi n’apporte guère que du bruit. À essayer\u00a0: des données plus "
              "nombreuses ou plus variées, un modèle plus grand si les données abondent\u202f; gardez le checkpoint du "
              "meilleur pas.",
        "zh-Hant": "日誌沒有透露學習率目前的位置：如果還在衰減，先讓排程跑完；如果已經結束，以目前設定繼續訓練多半只是在雜訊中打轉。"
                   "可以嘗試：更多或更多樣的資料；資料充足時換更大的模型；保留最佳步的檢查點。",
    },
    "noise.iter_loss": {
        "en": "from the iter-line loss noise ÷ √eval_iters ({eval_iters})",
        "es": "a partir del ruido de la pérdida de las líneas iter ÷ √eval_iters ({eval_iters})",
        "fr": "d’après le bruit de la perte des lignes iter ÷ √eval_iters ({eval_iters})",
        "zh-Hant": "由 iter 行損失的雜訊 ÷ √eval_iters（{eval_iters}）估計",
    },
    "noise.iter_loss.default": {
        "en": "from the iter-line loss noise ÷ √eval_iters ({eval_iters}, nanoGPT's default: the log does not say)",
        "es": "a partir del ruido de la pérdida de las líneas iter ÷ √eval_iters ({eval_iters}, el valor por defecto de "
              "nanoGPT: el registro no lo dice)",
        "fr": "d’après le bruit de la perte des lignes iter ÷ √eval_iters ({eval_iters}, la valeur par défaut de "
              "nanoGPT\u00a0: le journal ne le précise pas)",
        "zh-Hant": "由 iter 行損失的雜訊 ÷ √eval_iters（{eval_iters}，nanoGPT 的預設值；日誌未註明）估計",
    },
    "noise.val_scatter": {
        "en": "from the scatter of the last evals around their trend",
        "es": "a partir de la dispersión de las últimas evaluaciones en torno a su tendencia",
        "fr": "d’après la dispersion des dernières évaluations autour de leur tendance",
        "zh-Hant": "由最近幾次評估值相對於其趨勢的離散程度估計",
    },
    "noise.resolution": {
        "en": "the log's printing precision",
        "es": "la precisión con que el registro imprime",
        "fr": "la précision d’affichage du journal",
        "zh-Hant": "即日誌印出的精度",
    },
    # --- overfitting and the generalization gap ---------------------------------------------
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
                   "可以嘗試：更多或更多樣的資料（減少 epoch 數）、提高 dropout 或權重衰減，或在最佳步提前停止。",
    },
    "overfitting.gap": {
        "en": "Overfitting: at step {step} the val loss is {val}, {ratio}× the train loss {train} ({train_how}) and {gap} "
              "above it. A gap that wide means the model fits its training data far better than text it has not seen. "
              "Try: more or more varied data (fewer epochs), more dropout or weight decay, or an earlier checkpoint.",
        "es": "Sobreajuste: en el paso {step} la pérdida de validación es {val}, {ratio}× la de entrenamiento, {train} "
              "({train_how}), y la supera en {gap}. Una brecha tan grande significa que el modelo se ajusta a sus datos de "
              "entrenamiento mucho mejor que a textos que no ha visto. Prueba: más datos o más variados (menos épocas), "
              "más dropout o weight decay, o un checkpoint anterior.",
        "fr": "Surapprentissage\u00a0: au pas {step}, la perte de validation vaut {val}, soit {ratio}× la perte "
              "d’entraînement {train} ({train_how}), {gap} au-dessus. Un tel écart signifie que le modèle colle bien mieux à "
              "ses données d’entraînement qu’à des textes qu’il n’a jamais vus. À essayer\u00a0: des données plus "
              "nombreuses ou plus variées (moins d’époques), plus de dropout ou de weight decay, ou un checkpoint antérieur.",
        "zh-Hant": "過擬合：第 {step} 步的驗證損失是 {val}，是訓練損失 {train}（{train_how}）的 {ratio} 倍，高出 {gap}。"
                   "差距這麼大，表示模型對訓練資料的擬合遠勝於沒見過的文本。"
                   "可以嘗試：更多或更多樣的資料（減少 epoch 數）、提高 dropout 或權重衰減，或改用較早的檢查點。",
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
    "generalization_gap": {
        "en": "Val has stopped improving while train keeps falling: from step {start} to step {end} ({evals} evals) val "
              "went {val_start} → {val_end} and train {train_start} → {train_end} ({train_how}), so the gap between them "
              "widened from {gap_start} to {gap_end} (+{widening}, above the noise threshold {threshold}). This is the "
              "onset of overfitting: more steps fit the training data more closely without generalizing better, and a "
              "bigger model would widen the gap further. Try: more or fresher data, more dropout or weight decay, or "
              "stop here and keep the checkpoint of the best val.",
        "es": "La validación dejó de mejorar mientras el entrenamiento sigue bajando: del paso {start} al {end} ({evals} "
              "evaluaciones) la validación pasó de {val_start} a {val_end} y el entrenamiento de {train_start} a "
              "{train_end} ({train_how}), así que la brecha entre ambas creció de {gap_start} a {gap_end} (+{widening}, "
              "por encima del umbral de ruido {threshold}). Es el comienzo del sobreajuste: más pasos ajustan mejor los "
              "datos de entrenamiento sin generalizar mejor, y un modelo mayor abriría aún más la brecha. Prueba: más "
              "datos o datos nuevos, más dropout o weight decay, o detente aquí y guarda el checkpoint de la mejor "
              "validación.",
        "fr": "La validation ne progresse plus alors que l’entraînement continue de baisser\u00a0: du pas {start} au "
              "pas {end} ({evals} évaluations), la validation est passée de {val_start} à {val_end} et l’entraînement "
              "de {train_start} à {train_end} ({train_how})\u202f; l’écart entre les deux s’est creusé de {gap_start} à "
              "{gap_end} (+{widening}, au-dessus du seuil de bruit {threshold}). C’est le début du surapprentissage\u00a0: "
              "chaque pas de plus colle davantage aux données d’entraînement sans mieux généraliser, et un modèle plus "
              "grand creuserait encore l’écart. À essayer\u00a0: des données plus nombreuses ou nouvelles, plus de "
              "dropout ou de weight decay, ou l’arrêt ici en gardant le checkpoint de la meilleure validation.",
        "zh-Hant": "驗證損失不再改善，訓練損失卻仍在下降：從第 {start} 步到第 {end} 步（{evals} 次評估），"
                   "驗證損失從 {val_start} 變成 {val_end}，訓練損失從 {train_start} 降到 {train_end}（{train_how}），"
                   "兩者的差距從 {gap_start} 擴大到 {gap_end}（+{widening}，超過雜訊門檻 {threshold}）。"
                   "這是過擬合的開端：再多訓練只會更貼合訓練資料，泛化卻不會更好；換更大的模型只會讓差距更大。"
                   "可以嘗試：更多或全新的資料、提高 dropout 或權重衰減，或在此停止並保留驗證損失最佳的檢查點。",
    },
    "train_how.eval": {
        "en": "eval-mode train loss", "es": "pérdida de entrenamiento en modo eval",
        "fr": "perte d’entraînement en mode évaluation", "zh-Hant": "評估模式下的訓練損失",
    },
    "train_how.iter": {
        "en": "iter-line loss around those steps", "es": "pérdida de las líneas iter en torno a esos pasos",
        "fr": "perte des lignes iter autour de ces pas", "zh-Hant": "這些步附近 iter 行的損失",
    },
    # --- memorization -----------------------------------------------------------------------------
    "memorization": {
        "en": "The training loss is down to {loss} at step {step} (perplexity {ppl}), below {threshold}: the model "
              "predicts its training text almost token for token{epochs}. That is memorization, not learning: on text it "
              "has not seen it does far worse (compare the val loss). Try: much more data, fewer epochs, stopping at the "
              "best val step, more dropout or weight decay.",
        "es": "La pérdida de entrenamiento bajó a {loss} en el paso {step} (perplejidad {ppl}), por debajo de {threshold}: "
              "el modelo predice su texto de entrenamiento casi token por token{epochs}. Eso es memorización, no "
              "aprendizaje: con textos que no ha visto le va mucho peor (compara con la pérdida de validación). Prueba: "
              "muchos más datos, menos épocas, detenerte en el paso con mejor validación, más dropout o weight decay.",
        "fr": "La perte d’entraînement est descendue à {loss} au pas {step} (perplexité {ppl}), sous {threshold}\u00a0: le "
              "modèle prédit son texte d’entraînement presque jeton par jeton{epochs}. C’est de la mémorisation, pas de "
              "l’apprentissage\u00a0: sur un texte qu’il n’a jamais vu, il fait bien pire (comparez avec la perte de "
              "validation). À essayer\u00a0: beaucoup plus de données, moins d’époques, l’arrêt au pas de la meilleure "
              "validation, plus de dropout ou de weight decay.",
        "zh-Hant": "訓練損失在第 {step} 步降到 {loss}（困惑度 {ppl}），低於 {threshold}：模型幾乎逐個 token 背出了訓練文本{epochs}。"
                   "這是記憶，不是學習：換成沒見過的文本，表現會差得多（請對照驗證損失）。"
                   "可以嘗試：多很多的資料、減少 epoch 數、在驗證損失最佳的那一步停止、提高 dropout 或權重衰減。",
    },
    "memorization.epochs": {
        "en": ", after {epochs} epochs over {tokens} tokens", "es": ", tras {epochs} épocas sobre {tokens} tokens",
        "fr": ", après {epochs} époques sur {tokens} jetons", "zh-Hant": "，這時已在 {tokens} 個 token 上訓練了 {epochs} 個 epoch",
    },
    # --- val below train ------------------------------------------------------------------------
    "val_below_train.head": {
        "en": "Val loss below train loss at {count} of {evals} evals after step 0; at step {step} val is {val}, train "
              "{train} {where}.",
        "es": "Pérdida de validación por debajo de la de entrenamiento en {count} de {evals} evaluaciones posteriores al "
              "paso 0; en el paso {step}, validación {val} y entrenamiento {train} {where}.",
        "fr": "Perte de validation sous la perte d’entraînement dans {count} évaluations sur {evals} après le pas 0\u202f; "
              "au pas {step}, validation {val} et entraînement {train} {where}.",
        "zh-Hant": "第 0 步之後的 {evals} 次評估中有 {count} 次驗證損失低於訓練損失；第 {step} 步驗證損失 {val}、訓練損失 {train}（{where}）。",
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
        "en": "(the training loss logged around that step)", "es": "(la pérdida de entrenamiento registrada en torno a ese paso)",
        "fr": "(la perte d’entraînement journalisée autour de ce pas)", "zh-Hant": "該步附近記錄的訓練損失",
    },
    "val_below_train.eval_split_difference": {
        "en": "Both numbers come from estimate_loss() in eval mode, so dropout is off for both splits and cannot explain it. "
              "The gap ({gap}) is {ratio}× the noise of their difference (≈{noise} with eval_iters={eval_iters}), more "
              "than twice it, so it is not chance: the val split is easier to predict than the train split (other "
              "documents, less repetition, another slice of the corpus). It says nothing about regularization; compare "
              "how the two splits were made.",
        "es": "Ambos valores salen de estimate_loss() en modo eval: el dropout está apagado en las dos particiones y no puede "
              "explicarlo. La diferencia ({gap}) es {ratio}× el ruido de esa diferencia (≈{noise} con "
              "eval_iters={eval_iters}), más del doble, así que no es azar: la partición de validación es más fácil de "
              "predecir que la de entrenamiento (otros documentos, menos repetición, otra parte del corpus). No dice nada "
              "de la regularización; compara cómo se construyeron las dos particiones.",
        "fr": "Les deux valeurs viennent d’estimate_loss() en mode évaluation\u00a0: le dropout est coupé pour les deux partitions et "
              "ne peut pas l’expliquer. L’écart ({gap}) vaut {ratio}× le bruit de cette différence (≈{noise} avec "
              "eval_iters={eval_iters}), plus du double\u00a0: ce n’est donc pas le hasard. La partition de validation est plus "
              "facile à prédire que celle d’entraînement (d’autres documents, moins de répétitions, une autre partie du "
              "corpus). Cela ne dit rien de la régularisation\u202f; comparez la façon dont les deux partitions ont été construites.",
        "zh-Hant": "兩個數字都來自評估模式下的 estimate_loss()，兩個資料切分的 dropout 都已關閉，所以不可能是 dropout 造成的。"
                   "差距（{gap}）是這個差值雜訊（約 {noise}，eval_iters={eval_iters}）的 {ratio} 倍，超過兩倍，不是偶然："
                   "驗證集本身比訓練集容易預測（不同的文件、較少重複、或語料的另一部分）。這與正則化無關；"
                   "請比較兩個切分是怎麼做出來的。",
    },
    "val_below_train.eval_unclear": {
        "en": "Both numbers come from estimate_loss() in eval mode, so dropout is off for both splits and cannot explain it. "
              "The gap ({gap}) is {ratio}× the noise of their difference (≈{noise} with eval_iters={eval_iters}): more "
              "than the noise but less than twice it, so it may still be chance. If it holds over several evals, the val "
              "split is easier to predict than the train split; a larger eval_iters would settle it.",
        "es": "Ambos valores salen de estimate_loss() en modo eval: el dropout está apagado en las dos particiones y no puede "
              "explicarlo. La diferencia ({gap}) es {ratio}× el ruido de esa diferencia (≈{noise} con "
              "eval_iters={eval_iters}): supera el ruido pero no llega al doble, así que todavía puede ser azar. Si se "
              "mantiene durante varias evaluaciones, la partición de validación es más fácil de predecir que la de "
              "entrenamiento; un eval_iters mayor lo aclararía.",
        "fr": "Les deux valeurs viennent d’estimate_loss() en mode évaluation\u00a0: le dropout est coupé pour les deux partitions et "
              "ne peut pas l’expliquer. L’écart ({gap}) vaut {ratio}× le bruit de cette différence (≈{noise} avec "
              "eval_iters={eval_iters})\u00a0: plus que le bruit, mais moins du double, donc il peut encore s’agir du hasard. "
              "S’il se maintient sur plusieurs évaluations, la partition de validation est plus facile à prédire que celle "
              "d’entraînement\u202f; un eval_iters plus grand trancherait.",
        "zh-Hant": "兩個數字都來自評估模式下的 estimate_loss()，兩個切分的 dropout 都已關閉，所以不可能是 dropout 造成的。"
                   "差距（{gap}）是這個差值雜訊（約 {noise}，eval_iters={eval_iters}）的 {ratio} 倍：超過雜訊但不到兩倍，仍可能是偶然。"
                   "如果連續幾次評估都如此，表示驗證集比訓練集容易預測；加大 eval_iters 就能確定。",
    },
    "val_below_train.eval_sampling_noise": {
        "en": "Both numbers come from estimate_loss() in eval mode, so dropout is off for both splits and cannot explain it. "
              "The gap ({gap}) is within the noise of their difference (≈{noise} with eval_iters={eval_iters} random "
              "batches each): the two losses are statistically equal. A larger eval_iters tightens both.",
        "es": "Ambos valores salen de estimate_loss() en modo eval: el dropout está apagado en las dos particiones y no puede "
              "explicarlo. La diferencia ({gap}) cabe en el ruido de esa diferencia (≈{noise} con eval_iters={eval_iters} "
              "lotes aleatorios cada una): las dos pérdidas son estadísticamente iguales. Un eval_iters mayor las afina.",
        "fr": "Les deux valeurs viennent d’estimate_loss() en mode évaluation\u00a0: le dropout est coupé pour les deux partitions et ne "
              "peut pas l’expliquer. L’écart ({gap}) reste dans le bruit de cette différence (≈{noise} avec "
              "eval_iters={eval_iters} lots aléatoires chacune)\u00a0: les deux pertes sont statistiquement égales. "
              "Un eval_iters plus grand les resserre.",
        "zh-Hant": "兩個數字都來自評估模式下的 estimate_loss()，兩個切分的 dropout 都已關閉，所以不可能是 dropout 造成的。"
                   "差距（{gap}）落在這個差值的雜訊之內（約 {noise}，各以 eval_iters={eval_iters} 個隨機批次估計）："
                   "兩個損失在統計上相等。加大 eval_iters 可以讓兩者更精確。",
    },
    "val_below_train.train_split_difference": {
        "en": "That training loss is measured in train mode, on the step's own batches while the weights change{dropout}, "
              "so it runs above a clean eval of the same weights. The gap ({gap}) is {ratio}× the noise of the difference "
              "(≈{noise}), more than twice it: beyond how it is measured, the val split is likely easier than the "
              "training data too.",
        "es": "Esa pérdida de entrenamiento se mide en modo train, sobre los propios lotes del paso mientras cambian los "
              "pesos{dropout}, así que queda por encima de una evaluación limpia de los mismos pesos. La diferencia ({gap}) "
              "es {ratio}× el ruido de la diferencia (≈{noise}), más del doble: además de la forma de medir, la partición de "
              "validación probablemente es más fácil que los datos de entrenamiento.",
        "fr": "Cette perte d’entraînement est mesurée en mode entraînement, sur les lots du pas pendant que les poids "
              "changent{dropout}\u202f: elle reste au-dessus d’une évaluation propre des mêmes poids. L’écart ({gap}) vaut "
              "{ratio}× le bruit de la différence (≈{noise}), plus du double\u00a0: au-delà de la mesure, la partition de "
              "validation est sans doute aussi plus facile que les données d’entraînement.",
        "zh-Hant": "那個訓練損失是在訓練模式下、以該步自己的批次、在權重更新過程中量到的{dropout}，"
                   "因此會高於對同一組權重的乾淨評估。差距（{gap}）是差值雜訊（約 {noise}）的 {ratio} 倍，超過兩倍："
                   "除了量法不同，驗證集很可能也比訓練資料容易。",
    },
    "val_below_train.train_unclear": {
        "en": "That training loss is measured in train mode, on the step's own batches while the weights change{dropout}, "
              "so it runs above a clean eval of the same weights. The gap ({gap}) is {ratio}× the noise of the difference "
              "(≈{noise}), less than twice it: how the two are measured may explain all of it.",
        "es": "Esa pérdida de entrenamiento se mide en modo train, sobre los propios lotes del paso mientras cambian los "
              "pesos{dropout}, así que queda por encima de una evaluación limpia de los mismos pesos. La diferencia ({gap}) "
              "es {ratio}× el ruido de la diferencia (≈{noise}), menos del doble: la forma de medir puede explicarla entera.",
        "fr": "Cette perte d’entraînement est mesurée en mode entraînement, sur les lots du pas pendant que les poids "
              "changent{dropout}\u202f: elle reste au-dessus d’une évaluation propre des mêmes poids. L’écart ({gap}) vaut "
              "{ratio}× le bruit de la différence (≈{noise}), moins du double\u00a0: la façon de mesurer peut l’expliquer "
              "entièrement.",
        "zh-Hant": "那個訓練損失是在訓練模式下、以該步自己的批次、在權重更新過程中量到的{dropout}，"
                   "因此會高於對同一組權重的乾淨評估。差距（{gap}）是差值雜訊（約 {noise}）的 {ratio} 倍，不到兩倍："
                   "單是量法不同就可能解釋全部的差距。",
    },
    "val_below_train.train_sampling_noise": {
        "en": "That training loss is measured in train mode, on the step's own batches while the weights change{dropout}, "
              "so it runs above a clean eval of the same weights; the gap ({gap}) is also within the noise of the "
              "difference (≈{noise}).",
        "es": "Esa pérdida de entrenamiento se mide en modo train, sobre los propios lotes del paso mientras cambian los "
              "pesos{dropout}, así que queda por encima de una evaluación limpia; además, la diferencia ({gap}) cabe en el "
              "ruido de la diferencia (≈{noise}).",
        "fr": "Cette perte d’entraînement est mesurée en mode entraînement, sur les lots du pas pendant que les poids "
              "changent{dropout}\u202f: elle reste au-dessus d’une évaluation propre\u202f; l’écart ({gap}) tient d’ailleurs "
              "dans le bruit de la différence (≈{noise}).",
        "zh-Hant": "那個訓練損失是在訓練模式下、以該步自己的批次、在權重更新過程中量到的{dropout}，"
                   "因此會高於乾淨的評估；而且差距（{gap}）也在差值的雜訊（約 {noise}）之內。",
    },
    "dropout.on": {
        "en": ", with dropout on", "es": ", con el dropout activo", "fr": ", dropout actif", "zh-Hant": "，且 dropout 開啟",
    },
}

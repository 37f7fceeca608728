"""The analyzer's words about divergence: a NaN loss, a loss that climbs back above a uniform
guess or rises and stays up, and loss spikes.

Same conventions as trainer/i18n/findings_loss.py.
"""

DIVERGENCE_FINDINGS = {
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
    "series.iter": {"en": "training loss", "es": "pérdida de entrenamiento", "fr": "perte d’entraînement",
                    "zh-Hant": "訓練損失"},
    "series.val": {"en": "val loss", "es": "pérdida de validación", "fr": "perte de validation", "zh-Hant": "驗證損失"},
    "loss_divergence.rose": {
        "en": "The {which} diverged: after reaching {min_loss} around step {min_step} it climbed from step {step} on and "
              "stayed up (now ≈ {level}, +{rise}). Try: a lower learning rate or a longer warmup, grad_clip=1.0, bfloat16 "
              "rather than float16, and check the data loader for repeated or corrupt batches.",
        "es": "La {which} divergió: tras llegar a {min_loss} hacia el paso {min_step}, subió a partir del paso {step} y no "
              "volvió a bajar (ahora ≈ {level}, +{rise}). Prueba: una tasa de aprendizaje menor o un calentamiento más largo, "
              "grad_clip=1.0, bfloat16 en vez de float16, y revisa que el cargador de datos no repita ni corrompa lotes.",
        "fr": "La {which} a divergé\u00a0: après être descendue à {min_loss} vers le pas {min_step}, elle remonte depuis "
              "le pas {step} et reste haute (≈ {level}, +{rise}). À essayer\u00a0: un taux d’apprentissage plus bas ou un "
              "warmup plus long, grad_clip=1.0, bfloat16 plutôt que float16, et vérifiez que le chargeur de données ne "
              "répète ni ne corrompt de lots.",
        "zh-Hant": "{which}發散了：在第 {min_step} 步附近降到 {min_loss} 之後，從第 {step} 步開始回升且一直沒有下來"
                   "（目前約 {level}，+{rise}）。可以嘗試：降低學習率或拉長暖身、grad_clip=1.0、用 bfloat16 取代 float16，"
                   "並檢查資料載入是否重複或損壞了批次。",
    },
    "loss_divergence.above_random": {
        "en": "The {which} diverged: it had fallen to {min_loss} (around step {min_step}) but from step {step} it is above "
              "ln(vocab_size) = {ln_vocab} (vocab {vocab}), worse than guessing uniformly (peak {peak}). Try: a lower "
              "learning rate or a longer warmup, grad_clip=1.0, bfloat16 rather than float16.",
        "es": "La {which} divergió: había bajado a {min_loss} (hacia el paso {min_step}), pero desde el paso {step} supera "
              "ln(vocab_size) = {ln_vocab} (vocabulario de {vocab}), peor que adivinar al azar (máximo {peak}). Prueba: "
              "una tasa de aprendizaje menor o un calentamiento más largo, grad_clip=1.0, bfloat16 en vez de float16.",
        "fr": "La {which} a divergé\u00a0: descendue à {min_loss} (vers le pas {min_step}), elle dépasse depuis le pas "
              "{step} ln(vocab_size) = {ln_vocab} (vocabulaire de {vocab}), pire qu’un tirage uniforme (pic à {peak}). "
              "À essayer\u00a0: un taux d’apprentissage plus bas ou un warmup plus long, grad_clip=1.0, bfloat16 plutôt que "
              "float16.",
        "zh-Hant": "{which}發散了：它曾降到 {min_loss}（約第 {min_step} 步），但從第 {step} 步起高於 "
                   "ln(vocab_size) = {ln_vocab}（詞彙表 {vocab}），比均勻亂猜還差（最高 {peak}）。"
                   "可以嘗試：降低學習率或拉長暖身、grad_clip=1.0、用 bfloat16 取代 float16。",
    },
    "loss_spike": {
        "en": "{count} loss spike(s); the largest at step {step}: {loss} against {baseline} just before (+{jump}). The iter "
              "loss is one micro-batch, so a lone spike can be one hard batch; repeated spikes mean the learning rate is near "
              "the edge of stability. Try: a lower peak LR or a longer warmup, grad_clip=1.0, and see whether spikes follow "
              "particular data.",
        "es": "Picos de pérdida: {count}; el mayor, en el paso {step}: {loss} frente a {baseline} justo antes (+{jump}). La "
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

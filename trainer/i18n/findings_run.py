"""The analyzer's words about how a run ended and how fast it ran: out of memory, interrupted,
truncated, eval and compile time, MFU.

Same conventions as trainer/i18n/findings_loss.py.
"""

RUN_FINDINGS = {
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
              "plus grand (mêmes jetons par itération){suggest}, un block_size ou un modèle plus petits, bfloat16, compile=True.",
        "zh-Hant": "第一次迭代之前就記憶體不足（{text}）：權重、最佳化器狀態和一個微批次的活化值放不下。"
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
        "fr": "Mémoire épuisée pendant l’entraînement, après le pas {step} ({text}). La mémoire grimpe jusqu’au premier pas "
              "de l’optimiseur (l’état d’AdamW) et peut dériver par fragmentation. À essayer\u00a0: un batch_size plus petit "
              "avec un gradient_accumulation_steps plus grand (mêmes jetons par itération){suggest}, un block_size plus "
              "petit, bfloat16.",
        "zh-Hant": "訓練中在第 {step} 步之後記憶體不足（{text}）。記憶體用量會增加到第一次最佳化器更新（AdamW 的狀態）為止，"
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
        "fr": "Mémoire épuisée juste après l’évaluation du pas {step} ({text})\u00a0: cette itération exécute aussi "
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
    "at.after": {"en": "after step {step}", "es": "después del paso {step}", "fr": "après le pas {step}",
                 "zh-Hant": "在第 {step} 步之後"},
    "at.before": {"en": "before the first logged step", "es": "antes del primer paso registrado",
                  "fr": "avant le premier pas journalisé", "zh-Hant": "在第一個記錄的步之前"},
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
        "fr": "Le journal s’arrête au pas {step}, soit {progress} de max_iters = {max_steps}, sans erreur\u00a0: "
              "l’entraînement continue, s’est arrêté sans laisser de trace, ou le journal a été copié trop tôt. Tout ce qui "
              "suit décrit l’exécution jusqu’à ce pas.",
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
        "zh-Hant": "印出的 MFU 是滑動平均，每次之後會掉約 {dip} 個百分點。",
    },
    "compile_warmup": {
        "en": "The first iteration (step {step}) took {time}, {ratio}× the usual {median}: {cause}{eval}. It is a one-off "
              "{excess}; leave it out of speed and MFU estimates.",
        "es": "La primera iteración (paso {step}) tardó {time}, {ratio}× los {median} habituales: {cause}{eval}. Es un coste "
              "único de {excess}; déjala fuera al estimar la velocidad y el MFU.",
        "fr": "La première itération (pas {step}) a pris {time}, {ratio}× les {median} habituelles\u00a0: {cause}{eval}. "
              "C’est un coût unique de {excess}\u202f; laissez-la de côté pour estimer la vitesse et le MFU.",
        "zh-Hant": "第一次迭代（第 {step} 步）花了 {time}，是平常 {median} 的 {ratio} 倍：{cause}{eval}。"
                   "這是一次性的 {excess}，估計速度與 MFU 時請排除。",
    },
    "compile.cause.compile": {
        "en": "torch.compile compiles the model then, on top of CUDA warm-up",
        "es": "torch.compile compila el modelo en ese momento, además del calentamiento de CUDA",
        "fr": "torch.compile compile alors le modèle, en plus du warmup CUDA",
        "zh-Hant": "torch.compile 在這時編譯模型，外加 CUDA 的暖機",
    },
    "compile.cause.nocompile": {
        "en": "warm-up (CUDA context, kernel selection, memory allocation; compile is off)",
        "es": "calentamiento (contexto CUDA, selección de kernels, reserva de memoria; compile está desactivado)",
        "fr": "warmup (contexte CUDA, choix des noyaux, allocation mémoire\u202f; compile est désactivé)",
        "zh-Hant": "暖機（CUDA 環境、核心選擇、記憶體配置；compile 已關閉）",
    },
    "compile.cause.unknown": {
        "en": "compilation (torch.compile, if on) and warm-up",
        "es": "compilación (torch.compile, si está activo) y calentamiento",
        "fr": "compilation (torch.compile, s’il est actif) et warmup",
        "zh-Hant": "編譯（若開啟 torch.compile）與暖機",
    },
    "compile.eval": {
        "en": ", plus the eval of step {step} that runs first in that iteration",
        "es": ", más la evaluación del paso {step}, que se ejecuta al principio de esa iteración",
        "fr": ", plus l’évaluation du pas {step}, exécutée au début de cette itération",
        "zh-Hant": "，再加上在該次迭代開頭執行的第 {step} 步評估",
    },
    "mfu_warmup_sentinel": {
        "en": "The `mfu -100.00%` on {count} line(s), up to step {last}, is not a measurement: nanoGPT starts its running MFU "
              "at -1 and only updates it from the process's 5th iteration on (local_iter_num ≥ 5).{first} Ignore it; this "
              "analysis does.",
        "es": "El `mfu -100.00%` de {count} línea(s), hasta el paso {last}, no es una medida: nanoGPT inicia su MFU móvil en -1 "
              "y solo lo actualiza a partir de la 5.ª iteración del proceso (local_iter_num ≥ 5).{first} Ignóralo; este análisis "
              "lo hace.",
        "fr": "Le `mfu -100.00%` de {count} ligne(s), jusqu’au pas {last}, n’est pas une mesure\u00a0: nanoGPT démarre son "
              "MFU glissant à -1 et ne le met à jour qu’à partir de la 5ᵉ itération du processus (local_iter_num ≥ 5).{first} "
              "Ignorez-le\u202f; cette analyse le fait.",
        "zh-Hant": "{count} 行上的 `mfu -100.00%`（到第 {last} 步為止）不是量測值：nanoGPT 的滑動 MFU 從 -1 開始，"
                   "要到這個行程的第 5 次迭代（local_iter_num ≥ 5）才更新。{first}請忽略它；本分析也已略過。",
    },
    "mfu_warmup_sentinel.first": {
        "en": " The first real value is {value} at step {step}.",
        "es": " El primer valor real es {value} en el paso {step}.",
        "fr": " La première vraie valeur est {value} au pas {step}.",
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
        "zh-Hant": "印出的 MFU（一般為 {mfu}）是相對於 A100 的 bf16 峰值 {a100} TFLOPS，不論實際用的是哪張 GPU："
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
        "zh-Hant": "印出的 MFU（一般為 {mfu}）是相對於 nanoGPT 寫死的 A100 bf16 峰值 {a100} TFLOPS。"
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
              "puissance de calcul reste inutilisé. À essayer\u00a0: un batch_size plus grand (gardez les jetons par itération avec "
              "gradient_accumulation_steps), compile=True, bfloat16, AdamW fusionné, et vérifiez le chargeur de données\u202f; "
              "les très petits modèles sont limités par la mémoire et n’atteignent jamais un MFU élevé.",
        "zh-Hant": "MFU 偏低：約為 {device} 峰值的 {mfu}（{how}），低於 {threshold}：大部分運算能力都沒有用上。"
                   "可以嘗試：加大 batch_size（用 gradient_accumulation_steps 維持每次迭代的 token 數）、compile=True、"
                   "bfloat16、fused AdamW，並檢查資料載入；很小的模型受記憶體頻寬限制，MFU 本來就不會高。",
    },
    "low_mfu.how.renormalized": {
        "en": "nanoGPT's printed MFU re-normalized to this card", "es": "el MFU impreso por nanoGPT, renormalizado a esta tarjeta",
        "fr": "le MFU affiché par nanoGPT, renormalisé pour cette carte", "zh-Hant": "由 nanoGPT 印出的 MFU 換算到這張卡",
    },
    "low_mfu.how.trainer": {
        "en": "as the trainer measured it", "es": "según lo midió el entrenador",
        "fr": "tel que le code d’entraînement l’a mesuré", "zh-Hant": "依訓練程式的量測",
    },
    "low_mfu.how.printed": {
        "en": "as llm.c prints it", "es": "tal como lo imprime llm.c", "fr": "tel que llm.c l’affiche", "zh-Hant": "即 llm.c 印出的值",
    },
    "low_mfu.how.recomputed": {
        "en": "recomputed from the config and the iteration times", "es": "recalculado a partir de la configuración y los tiempos",
        "fr": "recalculé d’après la configuration et les temps d’itération", "zh-Hant": "由設定與迭代時間重新計算",
    },
    "device.unknown": {"en": "the device", "es": "el dispositivo", "fr": "l’appareil", "zh-Hant": "該裝置"},
}

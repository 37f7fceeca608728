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
              "plus grand (même nombre de jetons par itération){suggest}, un block_size ou un modèle plus petits, bfloat16, compile=True.",
        "zh-Hant": "第一次迭代之前就記憶體不足（{text}）：權重、最佳化器狀態和一個微批次的活化值放不下。"
                   "可以嘗試：縮小 batch_size、同時加大 gradient_accumulation_steps（每次迭代的 token 數不變）{suggest}、"
                   "縮小 block_size 或模型、使用 bfloat16、compile=True。",
    },
    "oom.training": {
        "en": "Out of memory during training, {at} ({text}). Memory use grows until the first optimizer step "
              "(AdamW's state) and can creep up with fragmentation. Try: a smaller batch_size with a larger "
              "gradient_accumulation_steps (same tokens per iteration){suggest}, a smaller block_size, bfloat16.",
        "es": "Sin memoria durante el entrenamiento, {at} ({text}). El uso de memoria crece hasta el primer paso del "
              "optimizador (el estado de AdamW) y puede subir por fragmentación. Prueba: un batch_size menor con un "
              "gradient_accumulation_steps mayor (mismos tokens por iteración){suggest}, un block_size menor, bfloat16.",
        "fr": "Mémoire épuisée pendant l’entraînement, {at} ({text}). La mémoire grimpe jusqu’au premier pas de "
              "l’optimiseur (l’état d’AdamW) et peut dériver par fragmentation. À essayer\u00a0: un batch_size plus petit "
              "avec un gradient_accumulation_steps plus grand (même nombre de jetons par itération){suggest}, un block_size plus "
              "petit, bfloat16.",
        "zh-Hant": "訓練中記憶體不足，{at}（{text}）。記憶體用量會增加到第一次最佳化器更新（AdamW 的狀態）為止，"
                   "也可能因碎片化而慢慢上升。可以嘗試：縮小 batch_size、同時加大 gradient_accumulation_steps"
                   "（每次迭代的 token 數不變）{suggest}、縮小 block_size、使用 bfloat16。",
    },
    "oom.eval": {
        "en": "Out of memory while evaluating, in {frame}, {at} ({text}): the evaluation's forward passes come on top of "
              "what training already holds in memory. Try: a smaller batch_size with a larger "
              "gradient_accumulation_steps{suggest}, or fewer or smaller eval batches; check nothing else is using the GPU.",
        "es": "Sin memoria durante la evaluación, en {frame}, {at} ({text}): las pasadas hacia delante de la evaluación se "
              "suman a lo que el entrenamiento ya ocupa en memoria. Prueba: un batch_size menor con un "
              "gradient_accumulation_steps mayor{suggest}, o menos lotes de evaluación o más pequeños; comprueba que nada "
              "más use la GPU.",
        "fr": "Mémoire épuisée pendant l’évaluation, dans {frame}, {at} ({text})\u00a0: les passes avant qu’exécute l’évaluation "
              "s’ajoutent à ce que l’entraînement occupe déjà en mémoire. À essayer\u00a0: un batch_size plus petit avec un "
              "gradient_accumulation_steps plus grand{suggest}, ou des lots d’évaluation moins nombreux ou plus "
              "petits\u202f; vérifiez que rien d’autre n’utilise le GPU.",
        "zh-Hant": "評估時記憶體不足，發生在 {frame} 中，{at}（{text}）：評估的前向傳遞疊加在訓練已佔用的記憶體之上。"
                   "可以嘗試：縮小 batch_size、加大 gradient_accumulation_steps{suggest}，或減少、縮小評估批次；"
                   "也確認沒有其他程式在用 GPU。",
    },
    "oom.unknown": {
        "en": "Out of memory ({text}). The log holds only the error, so when it struck cannot be told; the remedy is the "
              "same in any case. Try: a smaller batch_size with a larger gradient_accumulation_steps (same tokens per "
              "iteration){suggest}, a smaller block_size or model, bfloat16; check nothing else is using the GPU. Pasting "
              "the lines before the error would show whether it came at start-up, in training or in an eval.",
        "es": "Sin memoria ({text}). El registro solo contiene el error, así que no se puede saber cuándo ocurrió; el remedio "
              "es el mismo en cualquier caso. Prueba: un batch_size menor con un gradient_accumulation_steps mayor (mismos "
              "tokens por iteración){suggest}, un block_size o un modelo menores, bfloat16; comprueba que nada más use la "
              "GPU. Las líneas anteriores al error dirían si fue al arrancar, entrenando o evaluando.",
        "fr": "Mémoire épuisée ({text}). Le journal ne contient que l’erreur\u202f: impossible de dire quand elle est "
              "survenue, mais le remède est le même. À essayer\u00a0: un batch_size plus petit avec un "
              "gradient_accumulation_steps plus grand (même nombre de jetons par itération){suggest}, un block_size ou un modèle "
              "plus petits, bfloat16\u202f; vérifiez que rien d’autre n’utilise le GPU. Les lignes qui précèdent "
              "l’erreur diraient si elle vient du démarrage, de l’entraînement ou d’une évaluation.",
        "zh-Hant": "記憶體不足（{text}）。日誌裡只有這個錯誤，無法判斷發生在什麼時候；不過處理方式都一樣。"
                   "可以嘗試：縮小 batch_size、同時加大 gradient_accumulation_steps（每次迭代的 token 數不變）{suggest}、"
                   "縮小 block_size 或模型、使用 bfloat16；也確認沒有其他程式在用 GPU。"
                   "附上錯誤之前的幾行，就能看出是在啟動、訓練還是評估時發生的。",
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
    "at.unknown": {"en": "at a step the log does not show", "es": "en un paso que el registro no muestra",
                   "fr": "à un pas absent du journal", "zh-Hant": "發生在日誌沒有顯示的某一步"},
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
    "interrupted.time_limit": {
        "en": "The job reached its scheduler's time limit {at} and was stopped ({text}). Training did nothing wrong. "
              "Resume from the last checkpoint (init_from='resume') in a new job, with a longer limit or more frequent "
              "checkpoints.",
        "es": "El trabajo alcanzó el límite de tiempo del gestor de colas {at} y se detuvo ({text}). El entrenamiento no "
              "falló en nada. Reanuda desde el último checkpoint (init_from='resume') en un trabajo nuevo, con un límite "
              "más largo o checkpoints más frecuentes.",
        "fr": "Le job a atteint la limite de temps de l’ordonnanceur {at} et a été arrêté ({text}). L’entraînement n’y est "
              "pour rien. Reprenez depuis le dernier checkpoint (init_from='resume') dans un nouveau job, avec une limite "
              "plus longue ou des checkpoints plus fréquents.",
        "zh-Hant": "工作{at}達到排程系統的時間上限而被停止（{text}）。訓練本身沒有出錯。"
                   "請在新的工作中用 init_from='resume' 從最後的檢查點繼續，並設定更長的時間上限或更頻繁地儲存檢查點。",
    },
    "truncated": {
        "en": "A line is cut off mid-way (“{line}”): the log was copied while the run was writing, or the process was "
              "killed in the middle of a line. Only what it shows completely was used.",
        "es": "Una línea está cortada a medias («{line}»): el registro se copió mientras se escribía o el proceso murió a "
              "mitad de línea. Solo se usó lo que muestra completo.",
        "fr": "Une ligne est coupée en plein milieu («\u00a0{line}\u00a0»)\u00a0: le journal a été copié pendant "
              "l’écriture, ou le processus a été tué au milieu d’une ligne. Seul ce qu’elle montre en entier a été utilisé.",
        "zh-Hant": "有一行在中途被截斷（「{line}」）：日誌是在寫入中被複製的，或行程在寫到一半時被終止。只採用了其中完整的部分。",
    },
    "resumed": {
        "en": "The run was resumed from a checkpoint at step {step}{how}. The resumed process logs the steps from there "
              "on again, so the {superseded} records the earlier one had logged after that point are replaced by the "
              "new ones: one run, nothing counted twice.",
        "es": "La ejecución se reanudó desde un checkpoint en el paso {step}{how}. El proceso reanudado vuelve a registrar "
              "los pasos desde ahí, así que los {superseded} registros que el anterior había escrito después de ese punto "
              "se sustituyen por los nuevos: una sola ejecución, nada contado dos veces.",
        "fr": "L’exécution a repris depuis un checkpoint au pas {step}{how}. Le processus repris journalise à nouveau "
              "les pas à partir de là\u202f: les {superseded} enregistrements que le précédent avait écrits après ce "
              "point sont remplacés par les nouveaux. Une seule exécution, rien n’est compté deux fois.",
        "zh-Hant": "這次訓練在第 {step} 步從檢查點恢復{how}。恢復後的行程會從那一步起重新記錄，"
                   "所以先前行程在那之後記下的 {superseded} 筆紀錄都由新的取代：視為同一次訓練，沒有重複計算。",
    },
    "resumed.end.killed": {"en": ", after the earlier process was killed", "es": ", después de que el proceso anterior fuera terminado",
                           "fr": ", après l’arrêt forcé du processus précédent", "zh-Hant": "（先前的行程被終止）"},
    "resumed.end.keyboard": {"en": ", after the earlier process was stopped with Ctrl-C",
                             "es": ", después de que el proceso anterior se detuviera con Ctrl-C",
                             "fr": ", après l’arrêt du processus précédent par Ctrl-C", "zh-Hant": "（先前的行程被 Ctrl-C 中止）"},
    "resumed.end.time_limit": {"en": ", after the earlier job reached its time limit",
                               "es": ", después de que el trabajo anterior alcanzara su límite de tiempo",
                               "fr": ", après que le job précédent a atteint sa limite de temps",
                               "zh-Hant": "（先前的工作達到時間上限）"},
    "resumed.end.exception": {"en": ", after the earlier process crashed", "es": ", después de que el proceso anterior fallara",
                              "fr": ", après le plantage du processus précédent", "zh-Hant": "（先前的行程當掉了）"},
    "resumed.end.oom": {"en": ", after the earlier process ran out of memory",
                        "es": ", después de que el proceso anterior se quedara sin memoria",
                        "fr": ", après que le processus précédent a manqué de mémoire", "zh-Hant": "（先前的行程記憶體不足）"},
    # --- time and MFU -----------------------------------------------------------------------------------------
    "eval_time_spike": {
        "en": "{count} iterations took far longer than the usual {median}: {eval_median} typically (up to {eval_max}). They "
              "are the eval iterations: their time includes estimate_loss() (2 × eval_iters forward passes) and the checkpoint "
              "save, {overhead} each. Training did not slow down; leave them out when judging speed.{mfu} If evals cost too "
              "much, raise eval_interval or lower eval_iters.",
        "es": "{count} iteraciones tardaron mucho más que los {median} habituales: {eval_median} de mediana (hasta {eval_max}). "
              "Son las iteraciones con evaluación: su tiempo incluye estimate_loss() (2 × eval_iters pasadas hacia delante) y "
              "el guardado del checkpoint, {overhead} cada una. El entrenamiento no se ralentizó; déjalas fuera al medir la "
              "velocidad.{mfu} Si las evaluaciones cuestan demasiado, sube eval_interval o baja eval_iters.",
        "fr": "{count} itérations ont duré bien plus que les {median} habituelles\u00a0: {eval_median} en général (jusqu’à "
              "{eval_max}). Ce sont les itérations d’évaluation\u00a0: leur temps inclut estimate_loss() (2 × eval_iters passes "
              "avant) et la sauvegarde du checkpoint, {overhead} chacune. L’entraînement n’a pas ralenti\u202f; laissez-les de "
              "côté pour juger la vitesse.{mfu} Si les évaluations coûtent trop cher, augmentez eval_interval ou baissez eval_iters.",
        "zh-Hant": "{count} 次迭代比平常的 {median} 慢得多：一般為 {eval_median}（最多 {eval_max}）。"
                   "它們是有評估的迭代：計時包含 estimate_loss()（2 × eval_iters 次前向傳遞）與儲存檢查點，每次約多 {overhead}。"
                   "訓練本身並沒有變慢，估算速度時請排除它們。{mfu}如果評估太花時間，可以加大 eval_interval 或減少 eval_iters。",
    },
    "eval_time_spike.mfu": {
        "en": " The printed MFU, a running average, dips by about {dip} points after each.",
        "es": " El MFU impreso, una media móvil, cae unos {dip} puntos tras cada una.",
        "fr": " Le MFU affiché, une moyenne glissante, perd environ {dip} points après chacune.",
        "zh-Hant": "印出的 MFU 是移動平均，每次之後會掉約 {dip} 個百分點。",
    },
    "compile_warmup": {
        "en": "The first iteration (step {step}) took {time}, {ratio}× the usual {median}.",
        "es": "La primera iteración (paso {step}) tardó {time}, {ratio}× los {median} habituales.",
        "fr": "La première itération (pas {step}) a pris {time}, {ratio}× les {median} habituelles.",
        "zh-Hant": "第一次迭代（第 {step} 步）花了 {time}，是平常 {median} 的 {ratio} 倍。",
    },
    "compile.eval_unseparated": {
        "en": "It also ran the eval of step {step}, and no later eval iteration is timed, so the eval's share cannot be "
              "told apart from the rest: what follows is an upper bound.",
        "es": "También ejecutó la evaluación del paso {step}, y ninguna iteración con evaluación posterior tiene tiempo "
              "registrado, así que la parte de la evaluación no se puede separar: lo que sigue es una cota superior.",
        "fr": "Elle a aussi exécuté l’évaluation du pas {step}, et aucune itération d’évaluation ultérieure n’est "
              "chronométrée\u202f: la part de l’évaluation ne peut pas être isolée, et ce qui suit est un majorant.",
        "zh-Hant": "它也執行了第 {step} 步的評估，而之後沒有任何有評估的迭代被計時，無法把評估所佔的時間分離出來：以下是上限。",
    },
    "compile.rest": {
        "en": "The rest, a one-off {excess}, is {cause}; leave it out of speed and MFU estimates.",
        "es": "El resto, un coste único de {excess}, es {cause}; déjalo fuera al estimar la velocidad y el MFU.",
        "fr": "Le reste, un coût unique de {excess}, s’explique par {cause}\u202f; laissez-le de côté pour estimer la vitesse "
              "et le MFU.",
        "zh-Hant": "其餘一次性的 {excess} 來自 {cause}；估計速度與 MFU 時請排除。",
    },
    "compile.cause.compile": {
        "en": "torch.compile compiling the model, on top of the device's warm-up",
        "es": "torch.compile compilando el modelo, además del calentamiento del dispositivo",
        "fr": "la compilation du modèle par torch.compile, en plus de la mise en route de l’appareil",
        "zh-Hant": "torch.compile 編譯模型，外加裝置的暖機",
    },
    "compile.cause.nocompile": {
        "en": "warm-up (device setup, kernel selection, memory allocation; nothing is compiled)",
        "es": "calentamiento (preparación del dispositivo, selección de kernels, reserva de memoria; no se compila nada)",
        "fr": "la mise en route (initialisation de l’appareil, choix des noyaux, allocation mémoire\u202f; rien n’est compilé)",
        "zh-Hant": "暖機（裝置初始化、核心選擇、記憶體配置；沒有編譯任何東西）",
    },
    "compile.cause.unknown": {
        "en": "compilation (torch.compile, if on) and warm-up",
        "es": "compilación (torch.compile, si está activo) y calentamiento",
        "fr": "la compilation (torch.compile, s’il est actif) et la mise en route",
        "zh-Hant": "編譯（若開啟 torch.compile）與暖機",
    },
    "compile.eval": {
        "en": "About {overhead} of it is the eval of step {step}, which runs first in that iteration: every later eval "
              "iteration costs that much extra.",
        "es": "Unos {overhead} corresponden a la evaluación del paso {step}, que se ejecuta al principio de esa iteración: "
              "cada iteración con evaluación posterior cuesta eso de más.",
        "fr": "Environ {overhead} reviennent à l’évaluation du pas {step}, exécutée au début de cette itération\u00a0: "
              "chaque itération d’évaluation suivante coûte autant en plus.",
        "zh-Hant": "其中約 {overhead} 是第 {step} 步的評估，它在該次迭代開頭執行：之後每次有評估的迭代都多花這麼多時間。",
    },
    "mfu_warmup_sentinel": {
        "en": "The `mfu {value}` on {count} line(s), up to step {last}, is not a measurement: nanoGPT starts its running MFU "
              "at -1 and only updates it after the process's first 5 iterations, from the 6th on (local_iter_num ≥ 5, "
              "counting from 0).{first} Ignore it; this analysis does.",
        "es": "El `mfu {value}` de las líneas hasta el paso {last} ({count} en total) no es una medida: nanoGPT "
              "inicia su MFU móvil en -1 y solo lo actualiza cuando el proceso ha completado sus cinco primeras iteraciones "
              "(local_iter_num ≥ 5).{first} Ignóralo; este análisis también lo hace.",
        "fr": "Le `mfu {value}` de {count} ligne(s), jusqu’au pas {last}, n’est pas une mesure\u00a0: nanoGPT démarre son "
              "MFU glissant à -1 et ne le met à jour qu’après les 5 premières itérations du processus, à partir de la 6ᵉ "
              "(local_iter_num ≥ 5, en comptant à partir de 0).{first} "
              "Ignorez-le\u202f; cette analyse le fait.",
        "zh-Hant": "{count} 行上的 `mfu {value}`（到第 {last} 步為止）不是量測值：nanoGPT 的 MFU 移動平均從 -1 開始，"
                   "要等這個行程的前 5 次迭代過後，從第 6 次起（local_iter_num ≥ 5，從 0 起算）才更新。{first}"
                   "請忽略它；本分析也已略過。",
    },
    "mfu_warmup_sentinel.first": {
        "en": " The first real value is {value} at step {step}.",
        "es": " El primer valor real, en el paso {step}, es del {value}.",
        "fr": " La première vraie valeur est {value} au pas {step}.",
        "zh-Hant": "第一個真正的數值是第 {step} 步的 {value}。",
    },
    "mfu_reference": {
        "en": "The printed MFU (typically {mfu}) is relative to the {reference}'s {peak} TFLOPS bf16 peak whatever GPU ran "
              "it: {tool} hardcodes that number. On another card it is not that card's utilization; pass --device-name to "
              "re-normalize it.",
        "es": "El MFU impreso (normalmente {mfu}) es relativo al pico bf16 de {peak} TFLOPS de la {reference}, sea cual sea "
              "la GPU: {tool} fija ese número en el código. En otra tarjeta no es su utilización; usa --device-name para "
              "renormalizarlo.",
        "fr": "Le MFU affiché (en général {mfu}) est relatif au pic bf16 de {peak} TFLOPS du GPU {reference}, quel que soit le "
              "GPU\u00a0: {tool} code ce nombre en dur. Sur une autre carte, ce n’est pas son taux d’utilisation\u202f; "
              "passez --device-name pour le renormaliser.",
        "zh-Hant": "印出的 MFU（一般為 {mfu}）是相對於 {reference} 的 bf16 峰值 {peak} TFLOPS，不論實際用的是哪張 GPU："
                   "{tool} 把這個數字寫死在程式裡。換成別張卡，它就不是那張卡的使用率；請用 --device-name 重新換算。",
    },
    "mfu_reference.device": {
        "en": "The printed MFU (typically {mfu}) is relative to the {reference}'s {peak} TFLOPS bf16 peak, which {tool} "
              "hardcodes. The {device} peaks at {device_peak} TFLOPS, so the same throughput is {mfu_device} of this card "
              "(×{factor}).",
        "es": "El MFU impreso (normalmente {mfu}) es relativo al pico bf16 de {peak} TFLOPS de la {reference}, que {tool} "
              "fija en el código. La {device} llega a {device_peak} TFLOPS, así que el mismo rendimiento es el {mfu_device} "
              "de esta tarjeta (×{factor}).",
        "fr": "Le MFU affiché (en général {mfu}) est relatif au pic bf16 de {peak} TFLOPS du GPU {reference}, que {tool} code "
              "en dur. Le GPU {device} culmine à {device_peak} TFLOPS\u00a0: le même débit représente {mfu_device} de cette "
              "carte (×{factor}).",
        "zh-Hant": "印出的 MFU（一般為 {mfu}）是相對於 {tool} 寫死的 {reference} bf16 峰值 {peak} TFLOPS。"
                   "{device} 的峰值是 {device_peak} TFLOPS，所以同樣的吞吐量等於這張卡的 {mfu_device}（×{factor}）。",
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
              "puissance de calcul reste inutilisé. À essayer\u00a0: un batch_size plus grand (maintenez le nombre de jetons par itération avec "
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
        "en": "as the trainer measured it", "es": "según lo midió el código de entrenamiento",
        "fr": "tel que le code d’entraînement l’a mesuré", "zh-Hant": "依訓練程式的量測",
    },
    "low_mfu.how.printed": {
        "en": "as the log prints it, against this GPU's own peak", "es": "tal como lo imprime el registro, frente al pico de esta GPU",
        "fr": "tel que le journal l’affiche, par rapport au pic de ce GPU", "zh-Hant": "即日誌印出的值，相對於這張 GPU 自己的峰值",
    },
    "low_mfu.how.recomputed": {
        "en": "recomputed from the config and the iteration times", "es": "recalculado a partir de la configuración y los tiempos",
        "fr": "recalculé d’après la configuration et les temps d’itération", "zh-Hant": "由設定與迭代時間重新計算",
    },
    "device.unknown": {"en": "the device", "es": "el dispositivo", "fr": "l’appareil", "zh-Hant": "該裝置"},
}

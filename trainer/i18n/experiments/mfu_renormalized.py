"""Strings of gallery/mfu_renormalized.py."""

STRINGS = {
    'mfu_renormalized.title': {
        'en': "nanoGPT's MFU re-normalized to your GPU", 'es': 'El MFU de nanoGPT renormalizado para tu GPU',
        'fr': 'Le MFU de nanoGPT renormalisé pour votre GPU', 'zh-Hant': '把 nanoGPT 的 MFU 換算成你的 GPU'},
    'mfu_renormalized.fig_title': {
        'en': 'nanoGPT divides by the A100 peak ({peak} TFLOPS) on every GPU',
        'es': 'nanoGPT divide entre el pico de la A100 ({peak} TFLOPS) en cualquier GPU',
        'fr': "nanoGPT divise par le pic de l'A100 ({peak} TFLOPS) sur tous les GPU",
        'zh-Hant': 'nanoGPT 在任何 GPU 上都除以 A100 的峰值（{peak} TFLOPS）'},
    'mfu_renormalized.xlabel': {'en': 'MFU printed by nanoGPT (%)', 'es': 'MFU que imprime nanoGPT (%)',
                                'fr': 'MFU affiché par nanoGPT (%)', 'zh-Hant': 'nanoGPT 印出的 MFU（%）'},
    'mfu_renormalized.ylabel': {'en': "real MFU against the GPU's own peak (%)",
                                'es': 'MFU real respecto al pico de la propia GPU (%)',
                                'fr': 'MFU réel rapporté au pic du GPU (%)', 'zh-Hant': '相對該 GPU 自身峰值的實際 MFU（%）'},
    'mfu_renormalized.legend': {'en': '{gpu} (×{factor})', 'es': '{gpu} (×{factor})', 'fr': '{gpu} (×{factor})',
                                'zh-Hant': '{gpu}（×{factor}）'},
    'mfu_renormalized.peak_line': {'en': "100%: the GPU's peak", 'es': '100\u00a0%: el pico de la GPU',
                                   'fr': '100\u00a0%\u00a0: le pic du GPU', 'zh-Hant': '100%：GPU 的峰值'},
    'mfu_renormalized.notes_point': {
        'en': "the notes' {band}\non an {gpu}\n= {lo}–{hi} of the card",
        'es': 'el {band} de las notas\nen una {gpu}\n= {lo}–{hi} de la tarjeta',
        'fr': 'les {band} des notes\nsur une {gpu}\n= {lo} à {hi} de la carte',
        'zh-Hant': '案例研究中\n{gpu} 的 {band}\n= 這張卡的 {lo}–{hi}'},
    'mfu_renormalized.col_peak': {'en': 'dense bf16 peak (TFLOPS)', 'es': 'pico bf16 denso (TFLOPS)',
                                  'fr': 'pic bf16 dense (TFLOPS)', 'zh-Hant': '稠密 bf16 峰值（TFLOPS）'},
    'mfu_renormalized.col_factor': {'en': "× to convert nanoGPT's MFU", 'es': '× para convertir el MFU de nanoGPT',
                                    'fr': '× pour convertir le MFU de nanoGPT', 'zh-Hant': '換算 nanoGPT MFU 的倍數'},
    'mfu_renormalized.col_printed': {'en': 'nanoGPT prints {p} → real', 'es': 'nanoGPT imprime {p} → real',
                                     'fr': 'nanoGPT affiche {p} → réel', 'zh-Hant': 'nanoGPT 印出 {p} → 實際'},
    'mfu_renormalized.col_real': {'en': 'real {p} → nanoGPT prints', 'es': 'real {p} → nanoGPT imprime',
                                  'fr': 'réel {p} → nanoGPT affiche', 'zh-Hant': '實際 {p} → nanoGPT 印出'},
    'mfu_renormalized.note': {
        'en': 'Peaks are dense (no sparsity) bf16 tensor-core rates with FP32 accumulation, which is what a bf16 '
              'matmul in PyTorch uses; T4 and V100 have no bf16, so their fp16 peak is used. Sustained clocks '
              'below boost make the real peak lower still. † Above 100%: nanoGPT cannot print {p} on this GPU.',
        'es': 'Los picos son tasas densas (sin dispersión) de los núcleos tensoriales en bf16 con acumulación en '
              'FP32, que es lo que usa una multiplicación de matrices bf16 en PyTorch; la T4 y la V100 no tienen '
              'bf16, así que se usa su pico en fp16. Como el reloj sostenido queda por debajo del boost, el pico '
              'real es aún menor. † Más del 100\u00a0%: nanoGPT no puede imprimir {p} en esta GPU.',
        'fr': "Les pics sont des débits denses (sans parcimonie) des cœurs tensoriels en bf16 avec accumulation "
              "en FP32, ce qu'utilise un produit matriciel bf16 dans PyTorch\u00a0; la T4 et la V100 n'ont pas de "
              "bf16, on prend donc leur pic fp16. Les fréquences soutenues, inférieures au boost, abaissent "
              "encore le pic réel. † Plus de 100\u00a0%\u00a0: nanoGPT ne peut pas afficher {p} sur ce GPU.",
        'zh-Hant': '峰值為稠密（無稀疏）bf16 張量核心、以 FP32 累加的速率，也就是 PyTorch 中 bf16 矩陣乘法所用的模式；'
                   'T4 與 V100 不支援 bf16，因此採用其 fp16 峰值。持續運作時脈低於 boost，實際峰值還會更低。'
                   '† 超過 100%：在這張 GPU 上 nanoGPT 不可能印出 {p}。'},
}

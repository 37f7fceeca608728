#!/usr/bin/env bash
# The Debian packages the tests and figures need, installed by `make setup`:
#   fonts-noto-cjk   Noto Sans CJK TC, for the zh-Hant figures (trainer/plots.py)
#   chromium, chromium-driver   headless Chromium for tests/test_browser.py
# Installs only what is missing, as root or with passwordless sudo (never
# prompting); otherwise stops with one line naming the exact command to run.
set -euo pipefail

PACKAGES=(fonts-noto-cjk chromium chromium-driver)

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for pkg in "${PACKAGES[@]}"; do
    installed "$pkg" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: missing Debian packages ${missing[*]} and no apt-get here; install their equivalents (Noto Sans CJK TC font, chromium, chromedriver)" >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    echo "error: the tests and figures need Debian packages ${missing[*]}; run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

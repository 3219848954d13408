#!/usr/bin/env bash
# Set up salesbook on a fresh machine: the Noto CJK fonts (for the charts in the
# Word drafts), a virtual environment with the package and, with --test, the
# system tools the tests drive (Debian's chromium, LibreOffice, poppler, pandoc).
# Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test_tools=0
[ "${1:-}" = "--test" ] && want_test_tools=1

install_debian_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if command -v apt-get >/dev/null; then
    install_debian_packages fonts-noto-cjk  # the Chinese font the Word drafts' charts are drawn with
    if [ "$want_test_tools" = 1 ]; then
        install_debian_packages chromium fonts-liberation libreoffice-writer-nogui poppler-utils pandoc git
    fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$want_test_tools" = 1 ]; then
    .venv/bin/python -m pip install -q -e '.[test]'
else
    .venv/bin/python -m pip install -q -e .
fi

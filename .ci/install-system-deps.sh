#!/usr/bin/env bash
# Debian/Ubuntu system packages that ShoeAdvisor's tests and packaging need:
# Xvfb for the real-window smoke test, the libraries Qt's xcb platform plugin
# loads at start-up, and the validators for the desktop entry and AppStream
# metainfo. Idempotent: packages already installed are never touched, so a
# second run costs one `dpkg-query`. Without root or sudo, or without apt-get,
# it says what is missing and exits 0: the tests that need them skip.
set -euo pipefail

PACKAGES=(
    xvfb xauth
    libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
    libxcb-xinerama0 libxcb-xkb1
    libegl1 libgl1 libfontconfig1 libdbus-1-3
    appstream desktop-file-utils
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    # `dpkg -s` also succeeds for removed-but-configured packages; ask for the status.
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    echo "install-system-deps: all ${#PACKAGES[@]} system packages present"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-system-deps: no apt-get here; missing: ${missing[*]} (tests needing them skip)"
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "install-system-deps: not root and no password-less sudo; missing: ${missing[*]}"
    echo "install-system-deps: install them with: sudo apt-get install ${missing[*]}"
    exit 0
fi

echo "install-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-system-deps: done"

#!/usr/bin/env bash
# Build ShoeAdvisor as a one-folder app with PyInstaller, then smoke-test it.
#
#   packaging/build.sh            # build into dist/shoeadvisor/, test, report size and time
#   packaging/build.sh --strict   # sub-commands not implemented yet count as failures
#
# Output: dist/shoeadvisor/shoeadvisor (run it; keep the folder together).
set -euo pipefail
cd "$(dirname "$0")/.."

strict=()
[[ "${1:-}" == "--strict" ]] && strict=(--strict)

echo "== PyInstaller build (log: build/pyinstaller/build.log)"
mkdir -p build/pyinstaller
start=$(date +%s.%N)
if ! uv run --group packaging pyinstaller --noconfirm --clean --log-level WARN \
        --distpath dist --workpath build/pyinstaller \
        packaging/shoeadvisor.spec >build/pyinstaller/build.log 2>&1; then
    tail -n 40 build/pyinstaller/build.log
    echo "build: PyInstaller failed (full log: build/pyinstaller/build.log)" >&2
    exit 1
fi
end=$(date +%s.%N)
build_seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", e - s }')

app=dist/shoeadvisor
echo "== smoke test of $app/shoeadvisor (offscreen)"
set +e
QT_QPA_PLATFORM=offscreen uv run --group packaging python packaging/smoke_test.py \
    "$app/shoeadvisor" "${strict[@]}"
smoke=$?
set -e

size_human=$(du -sh "$app" | cut -f1)
size_bytes=$(du -sb "$app" | cut -f1)
files=$(find "$app" -type f | wc -l)
echo "== result"
echo "build time: ${build_seconds}s"
echo "dist size:  ${size_human} (${size_bytes} bytes, ${files} files) in $app"
if command -v tar >/dev/null && command -v xz >/dev/null && [[ -n "${SHOEADVISOR_ARCHIVE:-}" ]]; then
    tar -C dist -cJf dist/shoeadvisor-linux-x86_64.tar.xz shoeadvisor
    echo "archive:    $(du -sh dist/shoeadvisor-linux-x86_64.tar.xz | cut -f1) dist/shoeadvisor-linux-x86_64.tar.xz"
fi
exit "$smoke"

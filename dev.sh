#!/usr/bin/env bash
# Forgeline developer entry point. See README.md.
#   ./dev.sh setup            install missing build/test packages (Debian 12 / Ubuntu)
#   ./dev.sh build            release build into build/
#   ./dev.sh run [--offscreen] setup + build + start the GUI (--offscreen: headless smoke test)
#   ./dev.sh test             setup + ASan/UBSan build into build-asan/ + the whole CTest suite
#   ./dev.sh bench            build + run the benchmarks in tests/bench/
#   ./dev.sh package          build the .deb into build-package/
#   ./dev.sh screenshots      run the offscreen GUI tests and copy their screenshots to docs/images/
#   ./dev.sh translations     refresh resources/translations/*.ts from the sources (then translate)
#   ./dev.sh fuzz [T] [SECS]  fuzz target T (default: each in turn) for SECS (default 300)
#   ./dev.sh format-check     clang-format check of C++ files changed since .clang-format-baseline
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
JOBS=$(nproc 2>/dev/null || echo 2)

PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-serialport-dev libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins
    libgl-dev libvulkan-dev
    libssl-dev openssl libprotobuf-dev protobuf-compiler zlib1g-dev
    libmbedtls-dev
    libpcap-dev tshark
    qt6-l10n-tools
    postgresql libqt6sql6-psql
    clang libclang-rt-14-dev clang-format
    desktop-file-utils appstream librsvg2-bin
    fonts-wqy-microhei
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

missing_packages() {
    local p missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    echo "${missing[@]:-}"
}

cmd_setup() {
    if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
        log "Not a Debian/Ubuntu system. Install: CMake >= 3.24, Ninja, Qt >= 6.4 (Core Network SerialPort Sql Widgets Test, SQLite driver, SVG), OpenSSL 3, protobuf + protoc, zlib, mbedTLS 2.28 (tests), clang (fuzzers)."
        return 0
    fi
    local missing
    missing=$(missing_packages)
    if [ -z "$missing" ]; then
        log "All packages present."
        return 0
    fi
    log "Installing: $missing"
    local SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing
}

configure() { # dir, extra cmake args...
    local dir=$1; shift
    # ccache, where installed, makes rebuilds in several checkouts cheap; CI runs without it.
    local launcher=()
    if command -v ccache >/dev/null 2>&1; then
        launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    if [ ! -f "$dir/build.ninja" ]; then
        cmake -S "$ROOT" -B "$dir" -G Ninja "${launcher[@]}" "$@"
    else
        cmake "$dir" "$@" >/dev/null
    fi
}

cmd_build() {
    configure build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFORGELINE_BUILD_TESTS=ON
    cmake --build build -j "$JOBS"
}

cmd_run() {
    cmd_setup
    cmd_build
    if [ "${1:-}" = "--offscreen" ]; then
        log "Starting forgeline --smoke-test offscreen"
        QT_QPA_PLATFORM=offscreen ./build/app/forgeline --virtual-board --smoke-test
        return
    fi
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        log "No display found; running the offscreen smoke test instead (start a desktop session to see the window)."
        QT_QPA_PLATFORM=offscreen ./build/app/forgeline --virtual-board --smoke-test
        return
    fi
    log "Starting Forgeline on a virtual board (Flash: 'Virtual board' port; Provision: 127.0.0.1 address)"
    exec ./build/app/forgeline --virtual-board "$@"
}

# The style (.clang-format) holds for files changed since the one-time reformat commit, whose id
# .clang-format-baseline names; older files are left alone so open branches still merge.
cmd_format_check() {
    if [ ! -f .clang-format-baseline ]; then
        log "Format check skipped: no .clang-format-baseline (written by the one-time reformat commit)."
        return 0
    fi
    local base bad=0 f
    base=$(tr -d '[:space:]' < .clang-format-baseline)
    while IFS= read -r f; do
        [ -f "$f" ] || continue
        if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
            log "Not formatted: $f (run: clang-format -i $f)"
            bad=1
        fi
    done < <(git diff --name-only --diff-filter=AM "$base" -- '*.cpp' '*.h' '*.c')
    [ $bad -eq 0 ] && log "Format check passed."
    return $bad
}

configure_asan() {
    local cc=gcc cxx=g++ fuzz=OFF
    if command -v clang++ >/dev/null 2>&1; then cc=clang; cxx=clang++; fuzz=ON; fi
    configure build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=$cc -DCMAKE_CXX_COMPILER=$cxx \
        -DFORGELINE_SANITIZE=ON -DFORGELINE_FUZZ=$fuzz -DFORGELINE_BUILD_TESTS=ON
}

cmd_test() {
    cmd_setup
    cmd_format_check
    configure_asan
    cmake --build build-asan -j "$JOBS"
    log "Running the test suite (ASan + UBSan)"
    local rc=0
    ctest --test-dir build-asan --output-on-failure -j "$JOBS" || rc=$?
    if [ $rc -eq 0 ]; then log "All tests passed."; else log "Tests FAILED (ctest exit $rc)."; fi
    return $rc
}

cmd_bench() {
    cmd_setup
    cmd_build
    local found=0
    for b in build/tests/bench/bench_*; do
        [ -x "$b" ] || continue
        found=1
        log "$(basename "$b")"
        "$b"
    done
    [ $found -eq 1 ] || log "No benchmarks built."
}

cmd_package() {
    cmd_setup
    # A release tree without tests: what ships is exactly what install() rules name.
    configure build-package -DCMAKE_BUILD_TYPE=Release -DFORGELINE_BUILD_TESTS=OFF
    cmake --build build-package -j "$JOBS"
    (cd build-package && cpack -G DEB)
}

cmd_screenshots() {
    cmd_setup
    cmd_build
    # Exactly the tests that save a screenshot (grep -l screenshots tests/*/*.cpp).
    QT_QPA_PLATFORM=offscreen ctest --test-dir build --output-on-failure \
        -R '^tst_(decodeworkspace|diagnoseworkspace|flashpreflight|flashworkspace|preflightpanel|provisionworkspace|shell|stationworkspace|translations)$'
    mkdir -p docs/images
    cp build/screenshots/*.png docs/images/
    log "Copied $(ls build/screenshots/*.png | wc -l) screenshots to docs/images/"
    # The zh_CN pictures need a font with Chinese glyphs (fonts-wqy-microhei or fonts-noto-cjk);
    # without one tst_translations skips them rather than save empty boxes.
    if ls build/screenshots/zh_CN/*.png >/dev/null 2>&1; then
        mkdir -p docs/images/zh_CN
        cp build/screenshots/zh_CN/*.png docs/images/zh_CN/
    else
        log "No zh_CN screenshots: install fonts-wqy-microhei for them"
    fi
}

# lupdate reads every tr()/translate() text in core/, ui/ and app/ into each .ts; texts that are
# new or changed come out unfinished (tst_translations lists them), vanished ones are dropped.
cmd_translations() {
    local lupdate
    lupdate="$(qtpaths6 --query QT_INSTALL_BINS 2>/dev/null || true)/lupdate"
    [ -x "$lupdate" ] || lupdate=$(command -v lupdate || true)
    [ -n "$lupdate" ] || { log "lupdate not found: ./dev.sh setup installs qt6-l10n-tools"; return 1; }
    local ts
    for ts in resources/translations/forgeline_*.ts; do
        local lang=${ts##*/forgeline_}; lang=${lang%.ts}
        "$lupdate" -silent -I . -locations relative -no-obsolete -target-language "$lang" \
            core ui app -ts "$ts"
        log "$ts: $(grep -c 'type="unfinished"' "$ts" || true) unfinished"
    done
}

cmd_fuzz() { # [target] [seconds]
    cmd_setup
    command -v clang++ >/dev/null 2>&1 || { log "Fuzzing needs clang (libFuzzer)."; return 1; }
    local secs=${2:-300} targets=() t rc=0
    if [ -n "${1:-}" ]; then
        [ -f "tests/fuzz/$1.cpp" ] || { log "No fuzz target $1 (tests/fuzz/fuzz_*.cpp)."; return 2; }
        targets=("$1")
    else
        for t in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$t" .cpp)"); done
    fi
    configure_asan
    cmake --build build-asan -j "$JOBS" --target "${targets[@]}"
    for t in "${targets[@]}"; do
        # New inputs collect in the build tree; the committed corpus is only read.
        local work="build-asan/tests/fuzz/$t-long" findings="build-asan/tests/fuzz/$t-findings"
        mkdir -p "$work" "$findings"
        log "$t for ${secs}s (corpus tests/fuzz/corpus/$t, new inputs in $work)"
        if ! ASAN_OPTIONS=detect_leaks=1 "build-asan/tests/fuzz/$t" -max_total_time="$secs" \
                -timeout=25 -rss_limit_mb=4096 -artifact_prefix="$findings/" \
                "$work" "tests/fuzz/corpus/$t"; then
            rc=1
            log "$t: finding in $findings/. Reproduce: build-asan/tests/fuzz/$t FILE;" \
                "after the fix, copy FILE into tests/fuzz/corpus/$t/ as a regression input."
        fi
    done
    return $rc
}

case "${1:-}" in
    setup) cmd_setup ;;
    build) cmd_setup; cmd_build ;;
    run) shift; cmd_run "$@" ;;
    test) cmd_test ;;
    bench) cmd_bench ;;
    package) cmd_package ;;
    screenshots) cmd_screenshots ;;
    translations) cmd_translations ;;
    fuzz) shift; cmd_fuzz "$@" ;;
    format-check) cmd_format_check ;;
    *) sed -n '2,13p' "$0"; exit 2 ;;
esac

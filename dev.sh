#!/usr/bin/env bash
# Forgeline developer entry point. See README.md.
#   ./dev.sh setup            install missing build/test packages (Debian 12 / Ubuntu)
#   ./dev.sh build            release build into build/
#   ./dev.sh run [--offscreen] setup + build + start the GUI (--offscreen: headless smoke test)
#   ./dev.sh test             setup + ASan/UBSan build into build-asan/ + the whole CTest suite
#   ./dev.sh bench            build + run the benchmarks in tests/bench/
#   ./dev.sh package          build the .deb into build-package/
#   ./dev.sh screenshots      run the offscreen GUI tests and copy their screenshots to docs/images/
#   ./dev.sh format-check     clang-format check of C++ files changed since .clang-format-baseline
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
JOBS=$(nproc 2>/dev/null || echo 2)

PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools libqt6serialport6-dev libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins
    libgl-dev libvulkan-dev
    libssl-dev openssl libprotobuf-dev protobuf-compiler zlib1g-dev
    libmbedtls-dev
    postgresql libqt6sql6-psql
    clang libclang-rt-14-dev clang-format
    desktop-file-utils appstream librsvg2-bin
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

cmd_test() {
    cmd_setup
    cmd_format_check
    local cc=gcc cxx=g++ fuzz=OFF
    if command -v clang++ >/dev/null 2>&1; then cc=clang; cxx=clang++; fuzz=ON; fi
    configure build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=$cc -DCMAKE_CXX_COMPILER=$cxx \
        -DFORGELINE_SANITIZE=ON -DFORGELINE_FUZZ=$fuzz -DFORGELINE_BUILD_TESTS=ON
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
        -R '^tst_(decodeworkspace|diagnoseworkspace|flashpreflight|flashworkspace|preflightpanel|provisionworkspace|shell|stationworkspace)$'
    mkdir -p docs/images
    cp build/screenshots/*.png docs/images/
    log "Copied $(ls build/screenshots/*.png | wc -l) screenshots to docs/images/"
}

case "${1:-}" in
    setup) cmd_setup ;;
    build) cmd_setup; cmd_build ;;
    run) shift; cmd_run "$@" ;;
    test) cmd_test ;;
    bench) cmd_bench ;;
    package) cmd_package ;;
    screenshots) cmd_screenshots ;;
    format-check) cmd_format_check ;;
    *) sed -n '2,11p' "$0"; exit 2 ;;
esac

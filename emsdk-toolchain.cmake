# Locates Emscripten for the web build: $EMSDK when set (an emsdk checkout), otherwise Debian's package in
# /usr/share/emscripten. Use with: cmake -DCMAKE_TOOLCHAIN_FILE=emsdk-toolchain.cmake …
if(DEFINED ENV{EMSDK} AND EXISTS "$ENV{EMSDK}/upstream/emscripten/cmake/Modules/Platform/Emscripten.cmake")
    set(CL_EMSCRIPTEN_ROOT "$ENV{EMSDK}/upstream/emscripten")
elseif(EXISTS "/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake")
    set(CL_EMSCRIPTEN_ROOT "/usr/share/emscripten")
else()
    message(FATAL_ERROR "Emscripten not found: set EMSDK, or install Debian's 'emscripten' package")
endif()
include("${CL_EMSCRIPTEN_ROOT}/cmake/Modules/Platform/Emscripten.cmake")
if(CL_EMSCRIPTEN_ROOT STREQUAL "/usr/share/emscripten")
    # Debian's Emscripten runs its JS optimizer with node modules (acorn …) from /usr/share/nodejs; make every
    # compile and link find them, also when `cmake --build` runs outside ./dev.sh.
    set(ENV{NODE_PATH} "/usr/share/nodejs")
    set(CMAKE_C_COMPILER_LAUNCHER env NODE_PATH=/usr/share/nodejs)
    set(CMAKE_CXX_COMPILER_LAUNCHER env NODE_PATH=/usr/share/nodejs)
    set(CMAKE_C_LINKER_LAUNCHER env NODE_PATH=/usr/share/nodejs)
    set(CMAKE_CXX_LINKER_LAUNCHER env NODE_PATH=/usr/share/nodejs)
endif()

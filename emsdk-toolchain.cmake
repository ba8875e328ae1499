# Locates Emscripten for the web build: $EMSDK when set (an emsdk checkout), otherwise Debian's package in
# /usr/share/emscripten. Use with: cmake -DCMAKE_TOOLCHAIN_FILE=emsdk-toolchain.cmake …
if(DEFINED ENV{EMSDK} AND EXISTS "$ENV{EMSDK}/upstream/emscripten/cmake/Modules/Platform/Emscripten.cmake")
    set(CL_EMSCRIPTEN_ROOT "$ENV{EMSDK}/upstream/emscripten")
elseif(EXISTS "/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake")
    set(CL_EMSCRIPTEN_ROOT "/usr/share/emscripten")
else()
    message(FATAL_ERROR "Emscripten not found: set EMSDK, or install Debian's 'emscripten' package")
endif()
if(NOT DEFINED ENV{NODE_PATH})
    set(ENV{NODE_PATH} "/usr/share/nodejs")  # Debian's Emscripten loads acorn etc. from here
endif()
include("${CL_EMSCRIPTEN_ROOT}/cmake/Modules/Platform/Emscripten.cmake")

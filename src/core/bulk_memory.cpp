// memcpy, memmove and memset for WebAssembly as single bulk-memory instructions (memory.copy, memory.fill).
// Emscripten's own libc (3.1.6) hands every copy of 512 bytes or more to JavaScript (HEAPU8.copyWithin):
// a call out of wasm for each page SQLite moves. These definitions come before libc at link time, so the
// whole program (SQLite, ICU, our code) uses them. This file alone is compiled with -mbulk-memory, which
// every browser we support has (Chrome 75, Firefox 79, Safari 15). Native builds keep the C library's.
#if defined(__EMSCRIPTEN__)
#include <cstddef>

extern "C" {

void* memcpy(void* __restrict dest, const void* __restrict src, size_t n) {
    __builtin_memcpy(dest, src, n);   // memory.copy: lowered inline with bulk memory, not a call
    return dest;
}

void* memmove(void* dest, const void* src, size_t n) {
    __builtin_memmove(dest, src, n);  // memory.copy handles overlap
    return dest;
}

void* memset(void* dest, int c, size_t n) {
    __builtin_memset(dest, c, n);     // memory.fill
    return dest;
}

}  // extern "C"
#endif

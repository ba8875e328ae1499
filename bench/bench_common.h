// What every benchmark program needs before it measures: its target's name (ICU data loaded in wasm) and the
// State of the Union texts. Header-only, included by the bench/*.cpp programs; measuring is theirs.
#pragma once
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/status.h"
#include "text/icu_data.h"

namespace bench {

// "wasm" or "native". In wasm it loads ICU's data first (CL_BENCH_ICU_DATA, set by CMakeLists.txt) and returns
// nullptr, with the reason on stderr, when it cannot.
inline const char* StartTarget() {
#ifdef CL_BENCH_ICU_DATA
    if (core::Status s = text::LoadIcuData(CL_BENCH_ICU_DATA); !s.ok()) {
        std::fprintf(stderr, "%s\n", s.ToString().c_str());
        return nullptr;
    }
    return "wasm";
#else
    return "native";
#endif
}

// The .txt files directly in `dir`, sorted by name (empty, with a message on stderr, when there are none).
inline std::vector<std::filesystem::path> TextFiles(const char* dir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec))
        if (it->path().extension() == ".txt") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    if (files.empty()) std::fprintf(stderr, "no .txt files in %s\n", dir);
    return files;
}

// A whole file's bytes ("" when it cannot be read).
inline std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace bench

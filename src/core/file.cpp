#include "core/file.h"

#include <cstdio>
#include <memory>

namespace core {

Result<std::string> ReadFile(const std::string& path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!f) return Error(StatusCode::Io, "cannot open " + path);
    std::string bytes;
    if (std::fseek(f.get(), 0, SEEK_END) == 0) {
        long size = std::ftell(f.get());
        if (size > 0) bytes.resize(static_cast<size_t>(size));
        std::rewind(f.get());
    }
    size_t got = bytes.empty() ? 0 : std::fread(bytes.data(), 1, bytes.size(), f.get());
    bytes.resize(got);
    // Whatever the size did not promise (a file that grew, or one whose size cannot be told).
    char chunk[1 << 16];
    for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, f.get())) > 0;) bytes.append(chunk, n);
    if (std::ferror(f.get())) return Error(StatusCode::Io, "cannot read " + path);
    return bytes;
}

}  // namespace core

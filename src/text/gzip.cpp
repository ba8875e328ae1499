#include "text/gzip.h"

#include <algorithm>

#include <zlib.h>


namespace text {

namespace {

constexpr size_t kChunkBytes = 256 << 10;   // output grows by at most this much per inflate() call

struct InflateStream {
    z_stream Stream{};
    bool Initialised = false;
    ~InflateStream() {
        if (Initialised) inflateEnd(&Stream);
    }
};

std::string Megabytes(uint64_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB"; }

}  // namespace

bool LooksGzipped(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

core::Result<std::string> Gunzip(std::string_view bytes, const GzipLimits& limits) {
    if (!LooksGzipped(bytes)) return core::Error(core::StatusCode::InvalidInput, "not a gzip file");
    InflateStream z;
    if (inflateInit2(&z.Stream, 16 + MAX_WBITS) != Z_OK)   // 16: gzip header and trailer, checked by zlib
        return core::Error(core::StatusCode::Internal, "could not start zlib's inflate");
    z.Initialised = true;
    size_t consumed = 0;
    std::string out;
    for (;;) {
        const size_t piece = std::min<size_t>(bytes.size() - consumed, 1u << 30);   // avail_in is 32-bit
        z.Stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + consumed));
        z.Stream.avail_in = static_cast<uInt>(piece);
        const size_t size_before = out.size();
        if (out.size() >= limits.max_bytes + 1)
            return core::Error(core::StatusCode::InvalidInput,
                               "expands to more than " + Megabytes(limits.max_bytes) + " (the limit for one file)");
        size_t want = static_cast<size_t>(std::min<uint64_t>(kChunkBytes, limits.max_bytes + 1 - out.size()));
        out.resize(size_before + want);
        z.Stream.next_out = reinterpret_cast<Bytef*>(out.data() + size_before);
        z.Stream.avail_out = static_cast<uInt>(want);
        int rc = inflate(&z.Stream, Z_NO_FLUSH);
        out.resize(size_before + want - z.Stream.avail_out);
        consumed += piece - z.Stream.avail_in;
        if (out.size() > limits.max_bytes)
            return core::Error(core::StatusCode::InvalidInput,
                               "expands to more than " + Megabytes(limits.max_bytes) + " (the limit for one file)");
        if (out.size() >= limits.ratio_min_bytes &&
            static_cast<double>(out.size()) > limits.max_ratio * static_cast<double>(std::max<size_t>(consumed, 1)))
            return core::Error(core::StatusCode::InvalidInput,
                               "expands more than " + std::to_string(static_cast<int>(limits.max_ratio)) +
                                   "× its compressed size, refused as a likely gzip bomb");
        if (rc == Z_STREAM_END) {
            // Another member may follow (concatenated .gz files); anything else after the end is refused.
            if (consumed == bytes.size()) return out;
            if (!LooksGzipped(bytes.substr(consumed)))
                return core::Error(core::StatusCode::Corrupt, "unexpected bytes after the compressed data at byte " +
                                                                  std::to_string(consumed));
            inflateReset(&z.Stream);
            continue;
        }
        if (rc == Z_MEM_ERROR) return core::Error(core::StatusCode::Internal, "out of memory while inflating");
        if (rc == Z_DATA_ERROR) {
            std::string detail = z.Stream.msg ? std::string(" (") + z.Stream.msg + ")" : std::string();
            return core::Error(core::StatusCode::Corrupt, "the compressed data is damaged" + detail);
        }
        if (consumed == bytes.size() && z.Stream.avail_out != 0)
            return core::Error(core::StatusCode::Corrupt, "the compressed data ends early; the file is truncated");
    }
}

}  // namespace text

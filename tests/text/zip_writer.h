// Writes zip archives in memory for tests (stored or deflated entries, directories, comments, crafted
// headers): fixtures are made here, never copied in. Shared by the zip and import tests.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <zlib.h>

namespace zip_fixture {

// One entry as the writer lays it down. Tests edit the fields to make headers lie.

struct TestEntry {
    std::string name;
    std::string payload;              // bytes as stored in the archive (raw Deflate for method 8)
    uint16_t method = 0;
    uint16_t flags = 0x0800;          // bit 11: the name is UTF-8
    uint32_t crc = 0;                 // of the uncompressed bytes
    uint64_t uncompressed_bytes = 0;  // declared in both headers
    int share_local_of = -1;          // ≥ 0: write no data, point at that earlier entry's local header
};

inline uint32_t Crc(std::string_view bytes) {
    const auto* data = reinterpret_cast<const Bytef*>(bytes.data());
    return static_cast<uint32_t>(crc32(0L, data, static_cast<uInt>(bytes.size())));
}

// Raw Deflate (no zlib header), as ZIP stores it. Feeds `repeat` copies of `chunk`, so large inputs never
// have to exist in memory.
inline std::string RawDeflate(std::string_view chunk, size_t repeat = 1) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out;
    char buf[16384];
    for (size_t i = 0; i < repeat; ++i) {
        bool last = i + 1 == repeat;
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
        z.avail_in = static_cast<uInt>(chunk.size());
        int rc;
        do {
            z.next_out = reinterpret_cast<Bytef*>(buf);
            z.avail_out = sizeof buf;
            rc = deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
            out.append(buf, sizeof buf - z.avail_out);
        } while (z.avail_out == 0 || (last && rc != Z_STREAM_END));
    }
    deflateEnd(&z);
    return out;
}

inline TestEntry Stored(std::string name, std::string data) {
    TestEntry e;
    e.name = std::move(name);
    e.crc = Crc(data);
    e.uncompressed_bytes = data.size();
    e.payload = std::move(data);
    return e;
}

inline TestEntry Deflated(std::string name, std::string_view data) {
    TestEntry e;
    e.name = std::move(name);
    e.method = 8;
    e.crc = Crc(data);
    e.uncompressed_bytes = data.size();
    e.payload = RawDeflate(data);
    return e;
}

// `repeat` copies of `chunk`, deflated without ever building the whole text.
inline TestEntry DeflatedRepeat(std::string name, std::string_view chunk, size_t repeat) {
    TestEntry e;
    e.name = std::move(name);
    e.method = 8;
    uLong crc = crc32(0L, Z_NULL, 0);
    for (size_t i = 0; i < repeat; ++i)
        crc = crc32(crc, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()));
    e.crc = static_cast<uint32_t>(crc);
    e.uncompressed_bytes = uint64_t(chunk.size()) * repeat;
    e.payload = RawDeflate(chunk, repeat);
    return e;
}

inline void PutU16(std::string* out, uint32_t v) {
    out->push_back(static_cast<char>(v & 0xFF));
    out->push_back(static_cast<char>((v >> 8) & 0xFF));
}

inline void PutU32(std::string* out, uint32_t v) {
    PutU16(out, v & 0xFFFF);
    PutU16(out, v >> 16);
}

// A complete archive: local headers with data, the central directory, the end record and `comment`. Keep the
// result in a variable: a reader only views the bytes, so opening a temporary leaves it dangling.
inline std::string WriteZip(const std::vector<TestEntry>& entries, std::string_view comment = "") {
    std::string out;
    std::vector<uint32_t> local_offsets;
    for (const TestEntry& e : entries) {
        if (e.share_local_of >= 0) { local_offsets.push_back(local_offsets[size_t(e.share_local_of)]); continue; }
        local_offsets.push_back(static_cast<uint32_t>(out.size()));
        PutU32(&out, 0x04034b50);
        PutU16(&out, 20);                  // version needed: 2.0
        PutU16(&out, e.flags);
        PutU16(&out, e.method);
        PutU16(&out, 0); PutU16(&out, 0x21);  // 1980-01-01 00:00
        PutU32(&out, e.crc);
        PutU32(&out, static_cast<uint32_t>(e.payload.size()));
        PutU32(&out, static_cast<uint32_t>(e.uncompressed_bytes));
        PutU16(&out, static_cast<uint32_t>(e.name.size()));
        PutU16(&out, 4);                   // an extra field the central directory does not have
        out += e.name;
        PutU16(&out, 0xCAFE); PutU16(&out, 0);
        out += e.payload;
    }
    uint32_t directory_offset = static_cast<uint32_t>(out.size());
    for (size_t i = 0; i < entries.size(); ++i) {
        const TestEntry& e = entries[i];
        PutU32(&out, 0x02014b50);
        PutU16(&out, 0x0314);              // made by: Unix, 2.0
        PutU16(&out, 20);
        PutU16(&out, e.flags);
        PutU16(&out, e.method);
        PutU16(&out, 0); PutU16(&out, 0x21);
        PutU32(&out, e.crc);
        PutU32(&out, static_cast<uint32_t>(e.payload.size()));
        PutU32(&out, static_cast<uint32_t>(e.uncompressed_bytes));
        PutU16(&out, static_cast<uint32_t>(e.name.size()));
        PutU16(&out, 0);                   // extra
        PutU16(&out, 0);                   // comment
        PutU16(&out, 0);                   // disk
        PutU16(&out, 0);                   // internal attributes
        PutU32(&out, 0);                   // external attributes
        PutU32(&out, local_offsets[i]);
        out += e.name;
    }
    uint32_t directory_bytes = static_cast<uint32_t>(out.size()) - directory_offset;
    PutU32(&out, 0x06054b50);
    PutU16(&out, 0); PutU16(&out, 0);
    PutU16(&out, static_cast<uint32_t>(entries.size()));
    PutU16(&out, static_cast<uint32_t>(entries.size()));
    PutU32(&out, directory_bytes);
    PutU32(&out, directory_offset);
    PutU16(&out, static_cast<uint32_t>(comment.size()));
    out += comment;
    return out;
}

}  // namespace zip_fixture

// ZipReader: the End Of Central Directory record (found by scanning back from the end, past the archive
// comment), the central directory, each entry's local header, then raw Deflate with zlib and a CRC-32 check.
// Record layouts follow PKWARE's APPNOTE.TXT §4.3; all fields are little-endian and read byte by byte, so
// nothing depends on alignment or host byte order. zlib's return codes are translated here.
#include "text/zip.h"

#include <zlib.h>

#include <algorithm>
#include <cassert>
#include <cstdio>

namespace text {

namespace {

constexpr uint32_t kLocalHeaderSignature = 0x04034b50;     // "PK\3\4"
constexpr uint32_t kCentralHeaderSignature = 0x02014b50;   // "PK\1\2"
constexpr uint32_t kEndRecordSignature = 0x06054b50;       // "PK\5\6"
constexpr uint32_t kZip64LocatorSignature = 0x07064b50;    // "PK\6\7", just before a ZIP64 archive's end record
constexpr size_t kLocalHeaderBytes = 30;     // fixed part, before the name and extra field
constexpr size_t kCentralHeaderBytes = 46;
constexpr size_t kEndRecordBytes = 22;       // fixed part, before the archive comment
constexpr size_t kZip64LocatorBytes = 20;
constexpr size_t kMaxCommentBytes = 65535;
constexpr uint16_t kFlagEncrypted = 1u << 0;
constexpr uint16_t kMethodStored = 0, kMethodDeflate = 8;
constexpr size_t kInflateChunkBytes = 64 << 10;  // output grows by at most this much per inflate() call

// Callers check bounds first; these only assemble bytes.
uint16_t ReadU16(std::string_view bytes, size_t offset) {
    assert(offset + 2 <= bytes.size());
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + offset;
    return static_cast<uint16_t>(p[0] | (p[1] << 8));
}

uint32_t ReadU32(std::string_view bytes, size_t offset) {
    assert(offset + 4 <= bytes.size());
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + offset;
    return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) | (static_cast<uint32_t>(p[2]) << 16) |
           (static_cast<uint32_t>(p[3]) << 24);
}

// "12 bytes", "1.5 KB", "256 MB" (binary multiples, as file managers show them).
std::string FormatBytes(uint64_t bytes) {
    const char* units[] = {"bytes", "KB", "MB", "GB", "TB"};
    if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) { value /= 1024; ++unit; }
    char buf[32];
    if (value == static_cast<double>(static_cast<uint64_t>(value)))
        std::snprintf(buf, sizeof buf, "%.0f %s", value, units[unit]);
    else
        std::snprintf(buf, sizeof buf, "%.1f %s", value, units[unit]);
    return buf;
}

// The name as it can be shown inside quotes: control bytes escaped (they are one reason names are refused),
// and very long names shortened, never inside a UTF-8 sequence.
std::string DisplayName(std::string_view name) {
    constexpr size_t kMaxShownBytes = 160;
    std::string out;
    size_t end = name.size();
    if (end > kMaxShownBytes) {
        end = kMaxShownBytes;
        while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;
    }
    for (size_t i = 0; i < end; ++i) {
        unsigned char c = static_cast<unsigned char>(name[i]);
        if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (end < name.size()) out += "…";
    return out;
}

// Why a stored name must not become a path on import, or empty when it is safe. Checked on the bytes as
// stored, before anything could normalise them.
std::string UnsafeNameReason(std::string_view name) {
    if (name.empty()) return "empty name";
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7F) return "unsafe path (contains a control character)";
    if (name.find('\\') != std::string_view::npos) return "unsafe path (contains a backslash)";
    if (name[0] == '/') return "unsafe path (absolute)";
    bool drive_letter = name.size() >= 2 && name[1] == ':' &&
                        ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z'));
    if (drive_letter) return "unsafe path (starts with a drive letter)";
    size_t start = 0;
    while (start <= name.size()) {
        size_t slash = name.find('/', start);
        if (slash == std::string_view::npos) slash = name.size();
        if (name.substr(start, slash - start) == "..") return "unsafe path (contains \"..\")";
        start = slash + 1;
    }
    return std::string();
}

// Method numbers from APPNOTE §4.4.5 that real archives use, so the message says what the user has.
const char* MethodName(uint16_t method) {
    switch (method) {
    case 1: return "Shrink";
    case 6: return "Implode";
    case 9: return "Deflate64";
    case 12: return "bzip2";
    case 14: return "LZMA";
    case 93: return "Zstandard";
    case 95: return "XZ";
    case 98: return "PPMd";
    case 99: return "AES encryption";
    default: return nullptr;
    }
}

std::string EntryPrefix(std::string_view name) { return "entry \"" + DisplayName(name) + "\": "; }

// inflateEnd() on every path out of Inflate().
struct InflateStream {
    z_stream Stream{};
    bool Initialised = false;
    ~InflateStream() {
        if (Initialised) inflateEnd(&Stream);
    }
};

// Raw Deflate of `compressed` into `out`, producing at most `max_bytes` (plus one byte, to tell "exactly
// max_bytes" from "more"). `out` grows only as bytes are produced, so a header's declared size never decides
// an allocation by itself.
core::Status Inflate(std::string_view compressed, uint64_t max_bytes, std::string_view name, std::string* out) {
    InflateStream z;
    if (inflateInit2(&z.Stream, -MAX_WBITS) != Z_OK)
        return core::Error(core::StatusCode::Internal, EntryPrefix(name) + "could not start zlib's inflate");
    z.Initialised = true;
    z.Stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z.Stream.avail_in = static_cast<uInt>(compressed.size());  // ≤ 4 GB: sizes come from 32-bit fields
    out->clear();
    uint64_t produced = 0;
    for (;;) {
        size_t want = static_cast<size_t>(std::min<uint64_t>(kInflateChunkBytes, max_bytes + 1 - produced));
        out->resize(static_cast<size_t>(produced) + want);
        z.Stream.next_out = reinterpret_cast<Bytef*>(out->data() + produced);
        z.Stream.avail_out = static_cast<uInt>(want);
        int rc = inflate(&z.Stream, Z_NO_FLUSH);
        produced += want - z.Stream.avail_out;
        out->resize(static_cast<size_t>(produced));
        if (produced > max_bytes)
            return core::Error(core::StatusCode::Corrupt,
                               EntryPrefix(name) + "expands to more than the " + FormatBytes(max_bytes) +
                                   " its header declares; the archive is damaged or hostile");
        if (rc == Z_STREAM_END) return core::Status::Ok();
        if (rc == Z_BUF_ERROR || (rc == Z_OK && z.Stream.avail_in == 0 && z.Stream.avail_out != 0))
            return core::Error(core::StatusCode::Corrupt,
                               EntryPrefix(name) + "compressed data ends early; the archive is truncated or damaged");
        if (rc == Z_MEM_ERROR)
            return core::Error(core::StatusCode::Internal, EntryPrefix(name) + "out of memory while inflating");
        if (rc != Z_OK) {
            std::string detail = z.Stream.msg ? std::string(" (") + z.Stream.msg + ")" : std::string();
            return core::Error(core::StatusCode::Corrupt,
                               EntryPrefix(name) + "compressed data is damaged" + detail);
        }
    }
}

uint32_t Crc32(std::string_view bytes) {
    uLong crc = crc32(0L, Z_NULL, 0);
    // crc32() takes a uInt length; go in pieces so no size is truncated.
    constexpr size_t kPieceBytes = 1u << 30;
    for (size_t offset = 0; offset < bytes.size(); offset += kPieceBytes) {
        size_t n = std::min(kPieceBytes, bytes.size() - offset);
        crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + offset), static_cast<uInt>(n));
    }
    return static_cast<uint32_t>(crc);
}

core::Status NotSupportedZip64() {
    return core::Error(core::StatusCode::Unsupported,
                       "ZIP64 archives (over 4 GB or more than 65535 entries) are not supported yet; unpack it "
                       "and import the files, or re-pack it in smaller ordinary ZIP archives");
}

// Fields of the End Of Central Directory record that we use.
struct EndRecord {
    size_t offset = 0;           // of the record's signature in the archive
    uint16_t disk = 0, directory_disk = 0;
    uint16_t entries_on_disk = 0, entries = 0;
    uint32_t directory_bytes = 0, directory_offset = 0;
};

// The last End Of Central Directory record whose comment fits in the archive and whose central directory
// lies before it. Scanning back from the end finds it even when the comment holds the signature bytes.
bool FindEndRecord(std::string_view archive, EndRecord* out) {
    if (archive.size() < kEndRecordBytes) return false;
    size_t last = archive.size() - kEndRecordBytes;
    size_t first = last > kMaxCommentBytes ? last - kMaxCommentBytes : 0;
    for (size_t at = last + 1; at-- > first;) {
        if (ReadU32(archive, at) != kEndRecordSignature) continue;
        EndRecord r;
        r.offset = at;
        r.disk = ReadU16(archive, at + 4);
        r.directory_disk = ReadU16(archive, at + 6);
        r.entries_on_disk = ReadU16(archive, at + 8);
        r.entries = ReadU16(archive, at + 10);
        r.directory_bytes = ReadU32(archive, at + 12);
        r.directory_offset = ReadU32(archive, at + 16);
        uint16_t comment_bytes = ReadU16(archive, at + 20);
        if (at + kEndRecordBytes + comment_bytes > archive.size()) continue;
        bool zip64_marked = r.entries == 0xFFFF || r.directory_bytes == 0xFFFFFFFF || r.directory_offset == 0xFFFFFFFF;
        // A ZIP64 archive's real directory may lie anywhere; its record is recognised by the markers alone.
        if (!zip64_marked && uint64_t(r.directory_offset) + r.directory_bytes > at) continue;
        *out = r;
        return true;
    }
    return false;
}

}  // namespace

void ZipReader::Refuse(size_t index, core::StatusCode code, std::string reason) {
    ZipEntryInfo& e = Entries[index];
    if (!e.refusal.empty()) return;  // the first reason found is the one reported
    e.refusal = EntryPrefix(e.name) + reason;
    Data[index].refusal_code = code;
}

core::Result<ZipReader> ZipReader::Open(std::string_view archive, const ZipLimits& limits) {
    using core::StatusCode;
    if (archive.empty()) return core::Error(StatusCode::InvalidInput, "the file is empty, not a ZIP archive");

    EndRecord end;
    if (!FindEndRecord(archive, &end)) {
        // A local header at the start means it was a ZIP archive once and lost its end.
        if (archive.size() >= 4 && ReadU32(archive, 0) == kLocalHeaderSignature)
            return core::Error(StatusCode::Corrupt,
                               "the ZIP archive is truncated or damaged: its central directory is missing from "
                               "the end (was the file cut short?)");
        return core::Error(StatusCode::InvalidInput, "not a ZIP archive (no ZIP central directory at its end)");
    }
    if (end.offset >= kZip64LocatorBytes && ReadU32(archive, end.offset - kZip64LocatorBytes) == kZip64LocatorSignature)
        return NotSupportedZip64();
    if (end.entries == 0xFFFF || end.directory_bytes == 0xFFFFFFFF || end.directory_offset == 0xFFFFFFFF)
        return NotSupportedZip64();
    if (end.disk != 0 || end.directory_disk != 0 || end.entries_on_disk != end.entries)
        return core::Error(StatusCode::Unsupported,
                           "split (multi-part) ZIP archives are not supported; join the parts into one archive first");
    if (end.entries > limits.max_entries)
        return core::Error(StatusCode::InvalidInput, "the archive holds " + std::to_string(end.entries) +
                                                         " entries (limit " + std::to_string(limits.max_entries) +
                                                         "); split it into smaller archives");
    // FindEndRecord() guarantees the directory lies before the end record; each entry needs 46 bytes of it.
    if (uint64_t(end.entries) * kCentralHeaderBytes > end.directory_bytes)
        return core::Error(StatusCode::Corrupt, "the ZIP archive is damaged: its central directory is too short "
                                                "for the " + std::to_string(end.entries) + " entries it should list");

    ZipReader reader;
    reader.Archive = archive;
    reader.Limits = limits;
    reader.Entries.resize(end.entries);
    reader.Data.resize(end.entries);

    // ---- central directory: names, sizes, methods, flags; per-entry refusals ----
    const size_t directory_begin = end.directory_offset;
    const size_t directory_end = directory_begin + end.directory_bytes;
    std::vector<uint64_t> local_offsets(end.entries);
    size_t at = directory_begin;
    for (size_t i = 0; i < end.entries; ++i) {
        auto damaged = [&](const char* what) {
            return core::Error(StatusCode::Corrupt, "the ZIP archive is damaged: central directory entry " +
                                                        std::to_string(i + 1) + " of " + std::to_string(end.entries) +
                                                        " " + what);
        };
        if (at + kCentralHeaderBytes > directory_end || ReadU32(archive, at) != kCentralHeaderSignature)
            return damaged("is missing or malformed");
        uint16_t flags = ReadU16(archive, at + 8);
        uint16_t method = ReadU16(archive, at + 10);
        uint32_t crc = ReadU32(archive, at + 16);
        uint32_t compressed_bytes = ReadU32(archive, at + 20);
        uint32_t uncompressed_bytes = ReadU32(archive, at + 24);
        uint16_t name_bytes = ReadU16(archive, at + 28);
        uint16_t extra_bytes = ReadU16(archive, at + 30);
        uint16_t comment_bytes = ReadU16(archive, at + 32);
        uint16_t start_disk = ReadU16(archive, at + 34);
        uint32_t local_offset = ReadU32(archive, at + 42);
        size_t next = at + kCentralHeaderBytes + name_bytes + extra_bytes + comment_bytes;
        if (next > directory_end) return damaged("runs past the end of the directory");
        // 0xFFFFFFFF means "the real value is in the ZIP64 extra field".
        if (compressed_bytes == 0xFFFFFFFF || uncompressed_bytes == 0xFFFFFFFF || local_offset == 0xFFFFFFFF ||
            start_disk == 0xFFFF)
            return NotSupportedZip64();
        if (start_disk != 0)
            return core::Error(StatusCode::Unsupported, "split (multi-part) ZIP archives are not supported; join "
                                                        "the parts into one archive first");

        ZipEntryInfo& e = reader.Entries[i];
        e.name.assign(archive.substr(at + kCentralHeaderBytes, name_bytes));
        e.compressed_bytes = compressed_bytes;
        e.uncompressed_bytes = uncompressed_bytes;
        e.is_directory = !e.name.empty() && e.name.back() == '/';
        reader.Data[i].crc32 = crc;
        reader.Data[i].method = method;
        local_offsets[i] = local_offset;
        at = next;

        if (std::string why = UnsafeNameReason(e.name); !why.empty())
            reader.Refuse(i, StatusCode::InvalidInput, why);
        if (flags & kFlagEncrypted)
            reader.Refuse(i, StatusCode::Unsupported, "encrypted; decrypt the archive and import it again");
        if (method != kMethodStored && method != kMethodDeflate) {
            const char* known = MethodName(method);
            std::string method_text = "compression method " + std::to_string(method);
            if (known) method_text += std::string(" (") + known + ")";
            reader.Refuse(i, StatusCode::Unsupported,
                          method_text + " is not supported; re-create the archive with ordinary Deflate compression");
        }
        if (e.uncompressed_bytes > limits.max_entry_bytes)
            reader.Refuse(i, StatusCode::InvalidInput,
                          FormatBytes(e.uncompressed_bytes) + " when extracted (limit " +
                              FormatBytes(limits.max_entry_bytes) + "); too large to import");
        if (method == kMethodStored && e.compressed_bytes != e.uncompressed_bytes)
            reader.Refuse(i, StatusCode::Corrupt, "stored without compression, but its two sizes differ; the "
                                                  "archive is damaged");
        if (e.uncompressed_bytes >= limits.ratio_min_bytes && e.uncompressed_bytes > 0) {
            if (e.compressed_bytes == 0) {
                reader.Refuse(i, StatusCode::Corrupt, "declares " + FormatBytes(e.uncompressed_bytes) +
                                                          " from no compressed data; the archive is damaged");
            } else {
                double ratio = double(e.uncompressed_bytes) / double(e.compressed_bytes);
                if (ratio > limits.max_ratio) {
                    char text[96];
                    std::snprintf(text, sizeof text, "expands %.0f× (limit %.0f×), refused as a likely zip bomb",
                                  ratio, limits.max_ratio);
                    reader.Refuse(i, StatusCode::Corrupt, text);
                }
            }
        }
    }

    // ---- local headers: where each entry's data starts (their name/extra lengths may differ) ----
    struct Span { uint64_t begin, end; size_t index; };
    std::vector<Span> spans;
    spans.reserve(end.entries);
    for (size_t i = 0; i < end.entries; ++i) {
        uint64_t local = local_offsets[i];
        // Entry data must lie before the central directory: nothing else in a ZIP file may hold it.
        if (local + kLocalHeaderBytes > directory_begin || ReadU32(archive, size_t(local)) != kLocalHeaderSignature) {
            reader.Refuse(i, StatusCode::Corrupt, "its local header is missing or damaged");
            continue;
        }
        uint64_t data_offset = local + kLocalHeaderBytes + ReadU16(archive, size_t(local) + 26) +
                               ReadU16(archive, size_t(local) + 28);
        uint64_t data_end = data_offset + reader.Entries[i].compressed_bytes;
        if (data_end > directory_begin) {
            reader.Refuse(i, StatusCode::Corrupt, "its data runs past the end of the entries; the archive is "
                                                  "truncated or damaged");
            continue;
        }
        reader.Data[i].data_offset = data_offset;
        spans.push_back({local, data_end, i});
    }
    // Entries that share bytes are how the densest zip bombs multiply one compressed kernel; honest archivers
    // never write them. The entry that starts inside another's span is refused.
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    uint64_t covered_to = 0;
    for (const Span& s : spans) {
        if (s.begin < covered_to)
            reader.Refuse(s.index, StatusCode::Corrupt,
                          "its data overlaps another entry's, a trick used by zip bombs; refused");
        covered_to = std::max(covered_to, s.end);
    }
    return reader;
}

size_t ZipReader::EntryCount() const { return Entries.size(); }

const ZipEntryInfo& ZipReader::Entry(size_t index) const {
    assert(index < Entries.size());
    return Entries[index];
}

core::Result<std::string> ZipReader::Extract(size_t index) {
    using core::StatusCode;
    assert(index < Entries.size());
    const ZipEntryInfo& e = Entries[index];
    const EntryData& d = Data[index];
    if (!e.refusal.empty()) return core::Error(d.refusal_code, e.refusal);
    if (e.is_directory) return std::string();

    // Checked before inflating; Inflate() then stops one byte past the declared size, so none of the limits
    // can be passed by a header that understates it.
    uint64_t remaining = Limits.max_total_bytes - std::min(TotalBytes, Limits.max_total_bytes);
    if (e.uncompressed_bytes > remaining)
        return core::Error(StatusCode::InvalidInput,
                           EntryPrefix(e.name) + "extracting it would bring the archive's total to " +
                               FormatBytes(TotalBytes + e.uncompressed_bytes) + " (limit " +
                               FormatBytes(Limits.max_total_bytes) + "); import fewer files at once");
    uint64_t max_bytes = std::min({e.uncompressed_bytes, Limits.max_entry_bytes, remaining});

    std::string_view stored = Archive.substr(size_t(d.data_offset), size_t(e.compressed_bytes));
    std::string out;
    // Some archivers mark an empty file as Deflate but store no bytes at all, not even an empty block.
    if (d.method == kMethodStored || stored.empty()) {
        out.assign(stored.substr(0, size_t(max_bytes)));
    } else {
        if (core::Status s = Inflate(stored, max_bytes, e.name, &out); !s.ok()) return s;
    }
    if (out.size() != e.uncompressed_bytes)
        return core::Error(StatusCode::Corrupt, EntryPrefix(e.name) + "expands to " + FormatBytes(out.size()) +
                                                    " but its header declares " + FormatBytes(e.uncompressed_bytes) +
                                                    "; the archive is damaged");
    if (Crc32(out) != d.crc32)
        return core::Error(StatusCode::Corrupt,
                           EntryPrefix(e.name) + "CRC-32 mismatch, the extracted bytes are damaged");
    TotalBytes += out.size();
    return out;
}

}  // namespace text

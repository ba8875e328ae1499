// ZIP archives for corpus import: lists the entries of an archive held in memory and extracts them one at a
// time (stored or Deflate), refusing per entry what must not reach the corpus — unsafe paths, encryption,
// other compression methods, oversized entries and zip bombs. It never touches the file system and does not
// decide what an entry's bytes mean; import picks the entries, names the archive in messages and reads them.
//
//     auto zip = text::ZipReader::Open(archive_bytes);        // archive_bytes must outlive the reader
//     if (!zip.ok()) return zip.status();
//     for (size_t i = 0; i < zip->EntryCount(); ++i) {         // an import job does one entry per Step()
//         const text::ZipEntryInfo& e = zip->Entry(i);
//         if (e.is_directory) continue;
//         if (!e.refusal.empty()) { Warn(e.refusal); continue; }   // the message already names the entry
//         core::Result<std::string> bytes = zip->Extract(i);
//         if (!bytes.ok()) { Warn(bytes.status().message()); continue; }
//         Import(e.name, *bytes);
//     }
//
// Limits are enforced while inflating, not only from the sizes the headers declare: an entry never inflates
// past the size its header declares, and that size is checked against the limits before inflating starts.
// Not supported yet: ZIP64 (archives over 4 GB or with more than 65535 entries) and split archives; Open
// says so. Names are returned as stored (UTF-8 for every modern archiver; legacy CP437 names are not
// converted).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace text {

// What an archive may cost us. These are the defaults, not zero-means-default.
struct ZipLimits {
    size_t max_entries = 20000;                 // entries in the central directory, directories included
    uint64_t max_entry_bytes = 256ull << 20;    // uncompressed size of one entry
    uint64_t max_total_bytes = 1ull << 30;      // uncompressed size of all entries extracted by one reader
    double max_ratio = 200.0;                   // uncompressed / compressed, per entry (zip bombs)
    // Entries smaller than this when extracted are never refused for their ratio: a small, repetitive file
    // (a column of zeros, a page of blank lines) compresses well past any bomb ratio yet costs nothing.
    uint64_t ratio_min_bytes = 1ull << 20;
};

struct ZipEntryInfo {
    std::string name;               // path inside the archive, '/'-separated, as stored
    uint64_t compressed_bytes = 0;  // as declared by the central directory
    uint64_t uncompressed_bytes = 0;
    bool is_directory = false;      // the name ends in '/'; Extract() gives an empty string
    // Non-empty: this entry will not be extracted, and why (unsafe name, encrypted, unsupported method, too
    // large, ratio, damaged). A complete message that names the entry, e.g.
    // `entry "big.txt": expands 1000× (limit 200×), refused as a likely zip bomb`.
    std::string refusal;
};

class ZipReader {
public:
    // Parses the central directory and every local header of an archive held in memory. The bytes are not
    // copied and must outlive the reader. Fails for: an empty file, not a ZIP archive, a truncated or damaged
    // archive, ZIP64 or split archives (not supported yet), more than limits.max_entries entries. Problems
    // with a single entry do not fail the archive: they set that entry's `refusal`. Messages do not name the
    // archive (the caller knows its file name and prefixes it).
    static core::Result<ZipReader> Open(std::string_view archive, const ZipLimits& limits = {});

    size_t EntryCount() const;
    // The entry at `index` (< EntryCount()), in central directory order.
    const ZipEntryInfo& Entry(size_t index) const;

    // The uncompressed bytes of one entry (stored or Deflate), one call per entry so an import job can do
    // one per step. Fails with the entry's `refusal` if it has one, and when inflating would go past the
    // declared size, the data is damaged or truncated, the CRC-32 does not match, or the entry would bring
    // the total extracted by this reader past limits.max_total_bytes. Only successful extractions count
    // towards that total; extracting the same entry twice counts it twice.
    core::Result<std::string> Extract(size_t index);

    // Uncompressed bytes handed out by successful Extract() calls so far.
    uint64_t ExtractedBytes() const { return TotalBytes; }

private:
    // Where an entry's data lives and how to decode it; parallel to Entries.
    struct EntryData {
        uint64_t data_offset = 0;    // byte offset of the entry's stored (compressed) bytes in Archive
        uint32_t crc32 = 0;          // of the uncompressed bytes, from the central directory
        uint16_t method = 0;         // 0 stored, 8 Deflate (anything else is refused)
        core::StatusCode refusal_code = core::StatusCode::Ok;  // the kind of failure behind `refusal`
    };

    ZipReader() = default;
    void Refuse(size_t index, core::StatusCode code, std::string reason);

    std::string_view Archive;
    ZipLimits Limits;
    std::vector<ZipEntryInfo> Entries;
    std::vector<EntryData> Data;
    uint64_t TotalBytes = 0;
};

}  // namespace text

// ZIP import: listing, extraction, and every way an archive can be damaged or hostile. The archives are
// written here by a tiny in-memory writer (local headers, central directory, end record), so each test can
// bend exactly one field the way a broken or malicious archiver would.
#include <doctest/doctest.h>

#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/zip.h"
#include "text/zip_writer.h"

namespace {

using namespace zip_fixture;

bool Contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

// Some text that compresses about as well as prose does.
std::string Prose(size_t bytes) {
    std::string out;
    uint32_t x = 12345;
    while (out.size() < bytes) {
        x = x * 1103515245u + 12345u;
        out += "word" + std::to_string((x >> 16) % 5000) + ((x & 0x100) ? ". " : " ");
    }
    out.resize(bytes);
    return out;
}

}  // namespace

TEST_SUITE("text") {

TEST_CASE("zip: stored and deflated entries extract to their original bytes") {
    std::string prose = Prose(100000);
    std::string zip = WriteZip({Stored("a.txt", "hello, stored"), Deflated("b.txt", prose), Stored("empty.txt", "")});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    REQUIRE(reader->EntryCount() == 3);
    CHECK(reader->Entry(0).name == "a.txt");
    CHECK(reader->Entry(0).compressed_bytes == 13);
    CHECK(reader->Entry(1).uncompressed_bytes == 100000);
    CHECK(reader->Entry(1).compressed_bytes < 100000);
    for (size_t i = 0; i < 3; ++i) CHECK(reader->Entry(i).refusal.empty());

    auto a = reader->Extract(0);
    REQUIRE(a.ok());
    CHECK(*a == "hello, stored");
    auto b = reader->Extract(1);
    REQUIRE(b.ok());
    CHECK(*b == prose);
    auto empty = reader->Extract(2);
    REQUIRE(empty.ok());
    CHECK(empty->empty());
    CHECK(reader->ExtractedBytes() == 13 + 100000);
}

TEST_CASE("zip: an empty file marked as deflate but holding no bytes extracts empty") {
    TestEntry empty = Deflated("empty.txt", "");
    empty.payload.clear();  // some archivers omit even the final empty block
    std::string zip = WriteZip({empty});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    auto out = reader->Extract(0);
    INFO(out.status().message());
    REQUIRE(out.ok());
    CHECK(out->empty());
}

TEST_CASE("zip: nested folders and directory entries are listed, directories extract empty") {
    std::string zip = WriteZip({Stored("speeches/", ""), Stored("speeches/2020/", ""),
                                Deflated("speeches/2020/jan.txt", "January speech"), Stored("top.txt", "top")});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    REQUIRE(reader->EntryCount() == 4);
    CHECK(reader->Entry(0).is_directory);
    CHECK(reader->Entry(1).is_directory);
    CHECK(reader->Entry(1).name == "speeches/2020/");
    CHECK_FALSE(reader->Entry(2).is_directory);
    CHECK(reader->Entry(2).name == "speeches/2020/jan.txt");
    CHECK(reader->Entry(0).refusal.empty());
    auto dir = reader->Extract(1);
    REQUIRE(dir.ok());
    CHECK(dir->empty());
    auto jan = reader->Extract(2);
    REQUIRE(jan.ok());
    CHECK(*jan == "January speech");
}

TEST_CASE("zip: utf-8 names are kept byte for byte") {
    std::string zip = WriteZip({Deflated("речи/Лавров 2020.txt", "Сергей Лавров"), Stored("中文/𝄞.txt", "x")});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    CHECK(reader->Entry(0).name == "речи/Лавров 2020.txt");
    CHECK(reader->Entry(1).name == "中文/𝄞.txt");
    CHECK(reader->Entry(0).refusal.empty());
    auto speech = reader->Extract(0);
    REQUIRE(speech.ok());
    CHECK(*speech == "Сергей Лавров");
}

TEST_CASE("zip: an archive comment, even one holding decoy end records, does not hide the directory") {
    // Decoy end records that a backwards scan meets first: one whose comment would run past the file, one whose
    // central directory would lie past it.
    std::string comment = "made by a test; decoys follow: ";
    PutU32(&comment, 0x06054b50);
    PutU32(&comment, 0); PutU32(&comment, 0); PutU32(&comment, 0); PutU32(&comment, 0);
    PutU16(&comment, 0xFFFF);
    comment += " and ";
    PutU32(&comment, 0x06054b50);
    PutU32(&comment, 0); PutU16(&comment, 1); PutU16(&comment, 1); PutU32(&comment, 46); PutU32(&comment, 0x7FFFFFFF);
    PutU16(&comment, 0);
    comment += " the end.";
    std::string zip = WriteZip({Stored("a.txt", "alpha"), Deflated("b.txt", "beta")}, comment);
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    REQUIRE(reader->EntryCount() == 2);
    auto b = reader->Extract(1);
    REQUIRE(b.ok());
    CHECK(*b == "beta");

    std::string longest = WriteZip({Stored("a.txt", "alpha")}, std::string(65535, 'c'));
    auto reader2 = text::ZipReader::Open(longest);
    REQUIRE(reader2.ok());
    CHECK(reader2->EntryCount() == 1);
}

TEST_CASE("zip: an archive with no entries opens with none") {
    std::string zip = WriteZip({});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    CHECK(reader->EntryCount() == 0);
}

TEST_CASE("zip: a truncated archive fails to open and says it is truncated") {
    std::string zip = WriteZip({Deflated("a.txt", Prose(5000)), Stored("b.txt", "bravo")});
    for (size_t keep : {zip.size() - 1, zip.size() - 30, zip.size() / 2, size_t(10)}) {
        CAPTURE(keep);
        auto reader = text::ZipReader::Open(std::string_view(zip).substr(0, keep));
        REQUIRE_FALSE(reader.ok());
        CHECK(reader.status().code() == core::StatusCode::Corrupt);
        CHECK(Contains(reader.status().message(), "truncated"));
    }
}

TEST_CASE("zip: a damaged central directory fails to open") {
    std::string zip = WriteZip({Stored("a.txt", "alpha"), Stored("b.txt", "bravo")});
    size_t second = zip.rfind("PK\x01\x02");
    REQUIRE(second != std::string::npos);
    zip[second + 2] = 'X';
    auto reader = text::ZipReader::Open(zip);
    REQUIRE_FALSE(reader.ok());
    CHECK(reader.status().code() == core::StatusCode::Corrupt);
    CHECK(Contains(reader.status().message(), "damaged"));
    CHECK(Contains(reader.status().message(), "entry 2 of 2"));
}

TEST_CASE("zip: plain text and an empty file are not zip archives") {
    auto text_file = text::ZipReader::Open("Fellow citizens, this is a speech and not an archive.\n");
    REQUIRE_FALSE(text_file.ok());
    CHECK(text_file.status().code() == core::StatusCode::InvalidInput);
    CHECK(Contains(text_file.status().message(), "not a ZIP archive"));

    auto empty = text::ZipReader::Open("");
    REQUIRE_FALSE(empty.ok());
    CHECK(Contains(empty.status().message(), "empty"));

    auto tiny = text::ZipReader::Open("PK");
    REQUIRE_FALSE(tiny.ok());
    CHECK(Contains(tiny.status().message(), "not a ZIP archive"));
}

TEST_CASE("zip: ZIP64 archives fail to open, saying they are not supported yet") {
    std::string zip = WriteZip({Stored("a.txt", "alpha")});
    size_t end = zip.size() - 22;
    for (int i = 0; i < 4; ++i) zip[end + 16 + i] = '\xFF';  // directory offset: "see the ZIP64 record"
    auto reader = text::ZipReader::Open(zip);
    REQUIRE_FALSE(reader.ok());
    CHECK(reader.status().code() == core::StatusCode::Unsupported);
    CHECK(Contains(reader.status().message(), "ZIP64"));
    CHECK(Contains(reader.status().message(), "not supported yet"));
}

TEST_CASE("zip: a zip bomb is refused by its ratio before anything is inflated") {
    // 50 MB of zeros deflate to about 50 KB: a ratio near 1000.
    TestEntry bomb = DeflatedRepeat("big.txt", std::string(1 << 20, '\0'), 50);
    REQUIRE(bomb.payload.size() < (100u << 10));
    std::string zip = WriteZip({bomb, Stored("fine.txt", "fine")});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    const std::string& refusal = reader->Entry(0).refusal;
    CHECK(Contains(refusal, "entry \"big.txt\": expands "));
    CHECK(Contains(refusal, "× (limit 200×), refused as a likely zip bomb"));
    auto extracted = reader->Extract(0);
    REQUIRE_FALSE(extracted.ok());
    CHECK(extracted.status().message() == refusal);
    CHECK(reader->ExtractedBytes() == 0);
    CHECK(reader->Extract(1).ok());  // the rest of the archive is still usable

    text::ZipLimits lenient;
    lenient.max_ratio = 5000;
    auto lenient_reader = text::ZipReader::Open(zip, lenient);
    REQUIRE(lenient_reader.ok());
    CHECK(lenient_reader->Entry(0).refusal.empty());
}

TEST_CASE("zip: small entries are not refused for their ratio") {
    TestEntry zeros = DeflatedRepeat("blank.txt", std::string(1000, '\0'), 100);  // 100 KB, ratio ≈ 1000
    REQUIRE(double(zeros.uncompressed_bytes) / double(zeros.payload.size()) > 200);
    std::string zip = WriteZip({zeros});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    CHECK(reader->Entry(0).refusal.empty());
    auto out = reader->Extract(0);
    REQUIRE(out.ok());
    CHECK(*out == std::string(100000, '\0'));

    text::ZipLimits strict;
    strict.ratio_min_bytes = 0;
    auto strict_reader = text::ZipReader::Open(zip, strict);
    REQUIRE(strict_reader.ok());
    CHECK(Contains(strict_reader->Entry(0).refusal, "zip bomb"));
}

TEST_CASE("zip: a header that understates the size stops inflating just past it") {
    // The bomb again, but its headers claim 1000 bytes: the ratio looks harmless.
    TestEntry liar = DeflatedRepeat("liar.txt", std::string(1 << 20, '\0'), 50);
    liar.uncompressed_bytes = 1000;
    std::string zip = WriteZip({liar});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    CHECK(reader->Entry(0).refusal.empty());
    auto out = reader->Extract(0);
    REQUIRE_FALSE(out.ok());
    CHECK(out.status().code() == core::StatusCode::Corrupt);
    CHECK(Contains(out.status().message(),
                   "entry \"liar.txt\": expands to more than the 1000 bytes its header declares"));
    CHECK(reader->ExtractedBytes() == 0);
}

TEST_CASE("zip: a header that overstates the size fails cleanly") {
    TestEntry deflated = Deflated("long.txt", Prose(5000));
    deflated.uncompressed_bytes = 10000;
    TestEntry stored = Stored("stored.txt", "12345");
    stored.uncompressed_bytes = 50;  // a stored entry's two sizes must agree
    std::string zip = WriteZip({deflated, stored});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    auto out = reader->Extract(0);
    REQUIRE_FALSE(out.ok());
    CHECK(Contains(out.status().message(), "entry \"long.txt\": expands to 4.9 KB but its header declares 9.8 KB"));
    CHECK(Contains(reader->Entry(1).refusal, "sizes differ"));
    CHECK_FALSE(reader->Extract(1).ok());
}

TEST_CASE("zip: deflate data cut short fails extraction as truncated") {
    TestEntry cut = Deflated("cut.txt", Prose(20000));
    cut.payload.resize(cut.payload.size() / 2);
    std::string zip = WriteZip({cut});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    auto out = reader->Extract(0);
    REQUIRE_FALSE(out.ok());
    INFO(out.status().message());
    CHECK(Contains(out.status().message(), "truncated"));
}

TEST_CASE("zip: entries larger than max_entry_bytes are refused as too large") {
    text::ZipLimits limits;
    limits.max_entry_bytes = 1000;
    std::string zip = WriteZip({Deflated("big.txt", Prose(1500)), Deflated("ok.txt", Prose(1000))});
    auto reader = text::ZipReader::Open(zip, limits);
    REQUIRE(reader.ok());
    CHECK(reader->Entry(0).refusal ==
          "entry \"big.txt\": 1.5 KB when extracted (limit 1000 bytes); too large to import");
    CHECK_FALSE(reader->Extract(0).ok());
    CHECK(reader->Entry(1).refusal.empty());
    auto second = reader->Extract(1);
    INFO(second.status().message());
    CHECK(second.ok());
}

TEST_CASE("zip: a CRC-32 mismatch fails extraction") {
    TestEntry stored = Stored("s.txt", "stored bytes");
    stored.payload[0] = 'S';  // damaged after the CRC was taken
    TestEntry deflated = Deflated("d.txt", Prose(3000));
    deflated.crc ^= 1;
    TestEntry good = Stored("g.txt", "good");
    std::string zip = WriteZip({stored, deflated, good});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    for (size_t i : {0, 1}) {
        auto out = reader->Extract(i);
        REQUIRE_FALSE(out.ok());
        CHECK(out.status().code() == core::StatusCode::Corrupt);
        CHECK(Contains(out.status().message(), "CRC-32 mismatch"));
    }
    CHECK(reader->Extract(2).ok());
    CHECK(reader->ExtractedBytes() == 4);
}

TEST_CASE("zip: unsafe names are refused per entry while their neighbours extract") {
    struct Case { std::string name; std::string reason; };
    std::vector<Case> cases = {
        {"/etc/passwd", "unsafe path (absolute)"},
        {"C:\\Windows\\x.txt", "unsafe path (contains a backslash)"},
        {"C:/Windows/x.txt", "unsafe path (starts with a drive letter)"},
        {"c:x.txt", "unsafe path (starts with a drive letter)"},
        {"speeches/../../etc/passwd", "unsafe path (contains \"..\")"},
        {"../x.txt", "unsafe path (contains \"..\")"},
        {"a/..", "unsafe path (contains \"..\")"},
        {"..", "unsafe path (contains \"..\")"},
        {"a\\b.txt", "unsafe path (contains a backslash)"},
        {std::string("a\0b.txt", 7), "unsafe path (contains a control character)"},
        {"a\nb.txt", "unsafe path (contains a control character)"},
        {"a\x7f.txt", "unsafe path (contains a control character)"},
        {"", "empty name"},
    };
    std::vector<TestEntry> entries;
    for (const Case& c : cases) entries.push_back(Stored(c.name, "payload"));
    entries.push_back(Stored("safe.txt", "safe"));
    std::string zip = WriteZip(entries);
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    REQUIRE(reader->EntryCount() == cases.size() + 1);
    for (size_t i = 0; i < cases.size(); ++i) {
        CAPTURE(cases[i].name);
        CHECK(reader->Entry(i).name == cases[i].name);
        const std::string& refusal = reader->Entry(i).refusal;
        CHECK(Contains(refusal, cases[i].reason));
        auto out = reader->Extract(i);
        REQUIRE_FALSE(out.ok());
        CHECK(out.status().message() == refusal);
    }
    CHECK(reader->Entry(4).refusal == "entry \"speeches/../../etc/passwd\": unsafe path (contains \"..\")");
    CHECK(reader->Entry(9).refusal == "entry \"a\\x00b.txt\": unsafe path (contains a control character)");
    auto safe = reader->Extract(cases.size());
    REQUIRE(safe.ok());
    CHECK(*safe == "safe");
}

TEST_CASE("zip: names that only look unsafe are accepted") {
    std::vector<TestEntry> entries;
    for (const char* name : {"a..b.txt", "..hidden", "x/.../y.txt", "notes../y", "./here.txt", "dir/c:x"})
        entries.push_back(Stored(name, "ok"));
    std::string zip = WriteZip(entries);
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    for (size_t i = 0; i < reader->EntryCount(); ++i) {
        CAPTURE(reader->Entry(i).name);
        CHECK(reader->Entry(i).refusal.empty());
        CHECK(reader->Extract(i).ok());
    }
}

TEST_CASE("zip: more entries than max_entries fails to open") {
    std::vector<TestEntry> entries;
    for (int i = 0; i < 5; ++i) entries.push_back(Stored("f" + std::to_string(i) + ".txt", "x"));
    std::string zip = WriteZip(entries);
    text::ZipLimits limits;
    limits.max_entries = 4;
    auto reader = text::ZipReader::Open(zip, limits);
    REQUIRE_FALSE(reader.ok());
    CHECK(reader.status().message() == "the archive holds 5 entries (limit 4); split it into smaller archives");
    limits.max_entries = 5;
    CHECK(text::ZipReader::Open(zip, limits).ok());
}

TEST_CASE("zip: the total extracted across entries is held to max_total_bytes") {
    text::ZipLimits limits;
    limits.max_total_bytes = 1000;
    std::string zip = WriteZip({Stored("a.txt", std::string(400, 'a')), Deflated("b.txt", Prose(400)),
                                Stored("c.txt", std::string(400, 'c')), Stored("d.txt", std::string(200, 'd'))});
    auto reader = text::ZipReader::Open(zip, limits);
    REQUIRE(reader.ok());
    CHECK(reader->Entry(2).refusal.empty());  // order-dependent, so not known at Open
    CHECK(reader->Extract(0).ok());
    CHECK(reader->Extract(1).ok());
    auto third = reader->Extract(2);
    REQUIRE_FALSE(third.ok());
    CHECK(Contains(third.status().message(), "entry \"c.txt\": extracting it would bring the archive's total to"));
    CHECK(Contains(third.status().message(), "(limit 1000 bytes)"));
    CHECK(reader->ExtractedBytes() == 800);
    CHECK(reader->Extract(3).ok());  // exactly reaches the limit
    CHECK(reader->ExtractedBytes() == 1000);
}

TEST_CASE("zip: encrypted entries are refused") {
    TestEntry secret = Stored("secret.txt", "not really encrypted");
    secret.flags |= 1;
    std::string zip = WriteZip({secret, Stored("open.txt", "open")});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    CHECK(Contains(reader->Entry(0).refusal, "entry \"secret.txt\": encrypted"));
    auto out = reader->Extract(0);
    REQUIRE_FALSE(out.ok());
    CHECK(out.status().code() == core::StatusCode::Unsupported);
    CHECK(reader->Entry(1).refusal.empty());
}

TEST_CASE("zip: compression methods other than stored and deflate are refused, naming the method") {
    TestEntry bzip2 = Stored("b.txt", "pretend bzip2 data");
    bzip2.method = 12;
    TestEntry odd = Stored("o.txt", "pretend data");
    odd.method = 77;
    std::string zip = WriteZip({bzip2, odd});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    CHECK(Contains(reader->Entry(0).refusal, "entry \"b.txt\": compression method 12 (bzip2) is not supported"));
    CHECK(Contains(reader->Entry(1).refusal, "compression method 77 is not supported"));
    auto out = reader->Extract(0);
    REQUIRE_FALSE(out.ok());
    CHECK(out.status().code() == core::StatusCode::Unsupported);
}

TEST_CASE("zip: entries that share their data are refused") {
    TestEntry kernel = Deflated("one.txt", Prose(2000));
    TestEntry copy = kernel;
    copy.name = "two.txt";
    copy.share_local_of = 0;
    std::string zip = WriteZip({kernel, copy});
    auto reader = text::ZipReader::Open(zip);
    REQUIRE(reader.ok());
    CHECK(reader->Entry(0).refusal.empty());
    CHECK(Contains(reader->Entry(1).refusal, "entry \"two.txt\": its data overlaps another entry's"));
    auto first = reader->Extract(0);
    INFO(first.status().message());
    CHECK(first.ok());
    CHECK_FALSE(reader->Extract(1).ok());
}

}  // TEST_SUITE

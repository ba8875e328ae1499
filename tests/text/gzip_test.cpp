// gzip files: whole, concatenated, truncated, damaged, bombs; and import reading "x.jsonl.gz" as JSON Lines.
#include <doctest/doctest.h>

#include <string>

#include "text/gzip.h"
#include "text/import.h"
#include "zip_writer.h"

namespace {

void PutU32(std::string* out, uint32_t v) {
    for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// A gzip member (RFC 1952: header, raw Deflate, CRC-32 and length) of `repeat` copies of `chunk`.
std::string Gzip(std::string_view chunk, size_t repeat = 1) {
    std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    out += zip_fixture::RawDeflate(chunk, repeat);
    uLong crc = crc32(0L, Z_NULL, 0);
    for (size_t i = 0; i < repeat; ++i)
        crc = crc32(crc, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()));
    PutU32(&out, static_cast<uint32_t>(crc));
    PutU32(&out, static_cast<uint32_t>(chunk.size() * repeat));
    return out;
}

}  // namespace

TEST_CASE("gzip: a file inflates to its original bytes, and members one after another to all of them") {
    std::string text = "The committee met again to discuss the harbour.\n";
    auto one = text::Gunzip(Gzip(text, 1000));
    REQUIRE(one.ok());
    CHECK(one->size() == text.size() * 1000);
    CHECK(one->substr(0, text.size()) == text);
    auto two = text::Gunzip(Gzip("first\n") + Gzip("second\n"));
    REQUIRE(two.ok());
    CHECK(*two == "first\nsecond\n");
}

TEST_CASE("gzip: refusals say what is wrong") {
    std::string good = Gzip("Some text that is long enough to compress into a few bytes of deflate data.", 20);
    CHECK(text::Gunzip("plain text").status().message() == "not a gzip file");
    CHECK(text::Gunzip(good.substr(0, good.size() / 2)).status().message() ==
          "the compressed data ends early; the file is truncated");
    std::string bad_crc = good;
    bad_crc[bad_crc.size() - 6] ^= 0x55;
    CHECK(text::Gunzip(bad_crc).status().message().find("the compressed data is damaged") == 0);
    CHECK(text::Gunzip(good + "junk").status().message().find("unexpected bytes after the compressed data") == 0);
    // A bomb: 64 MB of one byte in a few tens of KB.
    auto bomb = text::Gunzip(Gzip(std::string(1 << 16, 'a'), 1024));
    CHECK(bomb.status().message() == "expands more than 200× its compressed size, refused as a likely gzip bomb");
    auto big = text::Gunzip(Gzip(std::string(1 << 16, 'a'), 64), {.max_bytes = 1 << 20, .max_ratio = 1e9});
    CHECK(big.status().message() == "expands to more than 1 MB (the limit for one file)");
}

TEST_CASE("import reads a .jsonl.gz as JSON Lines and names the .gz file; bad ones are refused with the reason") {
    text::Importer importer;
    importer.AddFile("speeches.jsonl.gz", Gzip("{\"title\":\"First\",\"text\":\"The harbour was full of ships.\"}\n"
                                               "{\"title\":\"Second\",\"text\":\"The railway reached the coast.\"}\n"));
    importer.AddFile("broken.txt.gz", Gzip("Some text about ships and harbours.", 50).substr(0, 30));
    importer.AddFile("bundle.tar.gz", Gzip("not really a tar file"));
    while (!importer.FinishStep(core::Deadline::Never())) {}
    REQUIRE(importer.documents().size() == 2);
    CHECK(importer.documents()[0].title == "First");
    CHECK(importer.documents()[0].imported_from.find("speeches.jsonl.gz") == 0);
    bool noted = false;
    for (const std::string& note : importer.documents()[0].notes) noted |= note.find("gzip-compressed") != std::string::npos;
    CHECK(noted);
    REQUIRE(importer.report().refused.size() == 2);
    CHECK(importer.report().refused[0].where == "broken.txt.gz");
    CHECK(importer.report().refused[0].message == "gzip: the compressed data ends early; the file is truncated");
    CHECK(importer.report().refused[1].message.find("tar archives are not read") == 0);
}

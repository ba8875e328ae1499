// Decoding: byte-order marks, UTF-8 repair with counts, single-byte Cyrillic and Western detection, binary
// refusal, forced encodings. Fixture bytes are written here (converted from the UTF-8 literals beside them).
#include <doctest/doctest.h>

#include "text/decode.h"
#include "text/utf8.h"

namespace {
// "Министр иностранных дел России заявил, что переговоры продолжатся." in windows-1251 and KOI8-R; "Le café était fermé; nous avons lu au jardin." in windows-1252.
const std::string kRussianCp1251 = "\xcc\xe8\xed\xe8\xf1\xf2\xf0\x20\xe8\xed\xee\xf1\xf2\xf0\xe0\xed\xed\xfb\xf5\x20\xe4\xe5\xeb\x20\xd0\xee\xf1\xf1\xe8\xe8\x20\xe7\xe0\xff\xe2\xe8\xeb\x2c\x20\xf7\xf2\xee\x20\xef\xe5\xf0\xe5\xe3\xee\xe2\xee\xf0\xfb\x20\xef\xf0\xee\xe4\xee\xeb\xe6\xe0\xf2\xf1\xff\x2e";
const std::string kRussianKoi8 = "\xed\xc9\xce\xc9\xd3\xd4\xd2\x20\xc9\xce\xcf\xd3\xd4\xd2\xc1\xce\xce\xd9\xc8\x20\xc4\xc5\xcc\x20\xf2\xcf\xd3\xd3\xc9\xc9\x20\xda\xc1\xd1\xd7\xc9\xcc\x2c\x20\xde\xd4\xcf\x20\xd0\xc5\xd2\xc5\xc7\xcf\xd7\xcf\xd2\xd9\x20\xd0\xd2\xcf\xc4\xcf\xcc\xd6\xc1\xd4\xd3\xd1\x2e";
const std::string kFrenchCp1252 = "\x4c\x65\x20\x63\x61\x66\xe9\x20\xe9\x74\x61\x69\x74\x20\x66\x65\x72\x6d\xe9\x3b\x20\x6e\x6f\x75\x73\x20\x61\x76\x6f\x6e\x73\x20\x6c\x75\x20\x61\x75\x20\x6a\x61\x72\x64\x69\x6e\x2e";
const std::string kRussianUtf8 = "Министр иностранных дел России заявил, что переговоры продолжатся.";
const std::string kFrenchUtf8 = "Le café était fermé; nous avons lu au jardin.";
}  // namespace

TEST_SUITE("text") {

TEST_CASE("valid utf-8 is utf-8, with or without a byte-order mark") {
    auto plain = text::DecodeText(kRussianUtf8);
    REQUIRE(plain.ok());
    CHECK(plain->encoding == text::Encoding::Utf8);
    CHECK(plain->text == kRussianUtf8);
    CHECK(plain->replaced == 0);
    CHECK(plain->note == "UTF-8");
    auto bom = text::DecodeText("\xEF\xBB\xBFhello");
    REQUIRE(bom.ok());
    CHECK(bom->had_bom);
    CHECK(bom->text == "hello");
}

TEST_CASE("utf-16 with a byte-order mark, and without one, becomes utf-8") {
    auto le = text::DecodeText(std::string("\xFF\xFE" "h\0i\0 \0\x16\x04", 10));
    REQUIRE(le.ok());
    CHECK(le->encoding == text::Encoding::Utf16LE);
    CHECK(le->text == "hi \xD0\x96");  // U+0416 Ж
    auto be = text::DecodeText(std::string("\xFE\xFF\0h\0i", 6));
    REQUIRE(be.ok());
    CHECK(be->encoding == text::Encoding::Utf16BE);
    CHECK(be->text == "hi");
    auto bomless = text::DecodeText(std::string("p\0l\0a\0i\0n\0 \0t\0e\0x\0t\0", 20));
    REQUIRE(bomless.ok());
    CHECK(bomless->encoding == text::Encoding::Utf16LE);
    CHECK(bomless->text == "plain text");
}

TEST_CASE("mostly valid utf-8 keeps its encoding and counts each replaced sequence") {
    // \xFF is never valid; \xE0\xA0 is a truncated 3-byte sequence (one maximal subpart): two replacements.
    std::string bytes = kRussianUtf8 + "\xFF" + kRussianUtf8 + "\xE0\xA0" + "end";
    auto d = text::DecodeText(bytes);
    REQUIRE(d.ok());
    CHECK(d->encoding == text::Encoding::Utf8);
    CHECK(d->replaced == 2);
    CHECK(text::FindInvalidUtf8(d->text) == std::string_view::npos);
    CHECK(d->text.find("\xEF\xBF\xBD") != std::string::npos);
    CHECK(d->note.find("2 invalid sequences replaced") != std::string::npos);
    // \xE0\x80 is two: \x80 cannot follow \xE0, so each byte is its own maximal subpart (Unicode §3.9).
    auto split = text::DecodeText(kRussianUtf8 + kRussianUtf8 + "\xE0\x80");
    REQUIRE(split.ok());
    CHECK(split->replaced == 2);
}

TEST_CASE("windows-1251 and koi8-r are told apart by letter statistics") {
    auto cp1251 = text::DecodeText(kRussianCp1251);
    REQUIRE(cp1251.ok());
    CHECK(cp1251->encoding == text::Encoding::Windows1251);
    CHECK(cp1251->text == kRussianUtf8);
    CHECK(cp1251->note.find("windows-1251") == 0);
    auto koi8 = text::DecodeText(kRussianKoi8);
    REQUIRE(koi8.ok());
    CHECK(koi8->encoding == text::Encoding::Koi8R);
    CHECK(koi8->text == kRussianUtf8);
}

TEST_CASE("western single-byte text is windows-1252") {
    auto d = text::DecodeText(kFrenchCp1252);
    REQUIRE(d.ok());
    CHECK(d->encoding == text::Encoding::Windows1252);
    CHECK(d->text == kFrenchUtf8);
}

TEST_CASE("a forced encoding overrides detection") {
    auto d = text::DecodeText(kRussianCp1251, text::Encoding::Koi8R);
    REQUIRE(d.ok());
    CHECK(d->encoding == text::Encoding::Koi8R);
    CHECK(d->text != kRussianUtf8);   // mojibake, as asked
    CHECK(d->note == "KOI8-R (chosen by the user)");
}

TEST_CASE("binary files are refused with the offset that gave them away") {
    auto nul = text::DecodeText(std::string("PK\x03\x04\0\0\x08\0", 8));
    REQUIRE_FALSE(nul.ok());
    CHECK(nul.status().code() == core::StatusCode::Unsupported);
    CHECK(nul.status().message() == "this looks like a binary file, not text (a NUL byte at byte 4)");
    std::string controls(200, '\x01');
    CHECK_FALSE(text::DecodeText("text" + controls).ok());
    CHECK(text::DecodeText("tabs\tand\r\nnewlines\f").ok());
}

TEST_CASE("empty input decodes to empty text") {
    auto d = text::DecodeText("");
    REQUIRE(d.ok());
    CHECK(d->text.empty());
}

TEST_CASE("encoding names accept common spellings") {
    text::Encoding e;
    CHECK((text::EncodingFromName("CP1251", &e) && e == text::Encoding::Windows1251));
    CHECK((text::EncodingFromName("koi8-r", &e) && e == text::Encoding::Koi8R));
    CHECK((text::EncodingFromName("ISO-8859-1", &e) && e == text::Encoding::Windows1252));
    CHECK((text::EncodingFromName("utf-16le", &e) && e == text::Encoding::Utf16LE));
    CHECK_FALSE(text::EncodingFromName("ebcdic", &e));
}

}  // TEST_SUITE

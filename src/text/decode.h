// Bytes of a file to valid UTF-8 text, saying what was assumed. Import never guesses silently: the result
// names the encoding, how it was decided, and how many bad sequences were replaced with U+FFFD; the user can
// force another encoding and import again.
//
//     auto decoded = text::DecodeText(file_bytes);
//     if (!decoded.ok()) report(decoded.status());            // binary file, unknown forced encoding …
//     else use(decoded->text, decoded->note);                  // "windows-1251 (Cyrillic letters fit it best)"
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace text {

enum class Encoding { Utf8, Utf16LE, Utf16BE, Windows1251, Koi8R, Windows1252 };

const char* EncodingName(Encoding encoding);   // "UTF-8", "UTF-16LE", "windows-1251", "KOI8-R", "windows-1252"
// Accepts common spellings: utf8, utf-16le, cp1251, windows-1251, koi8r, latin1, iso-8859-1, cp1252 …
bool EncodingFromName(std::string_view name, Encoding* out);

struct DecodedText {
    std::string text;             // valid UTF-8, without a byte-order mark
    Encoding encoding = Encoding::Utf8;
    bool had_bom = false;
    size_t replaced = 0;          // invalid sequences replaced with U+FFFD
    std::string note;             // how the encoding was decided, for the import report
};

// Decodes `bytes`. Without `forced`, a byte-order mark decides; else valid UTF-8 is UTF-8; else mostly-valid
// UTF-8 is UTF-8 with replacements; else a single-byte encoding is chosen by letter statistics (windows-1251
// or KOI8-R for Cyrillic, windows-1252 otherwise). Fails for files that look binary (NUL bytes outside UTF-16,
// or many control characters), naming the offset that gave it away.
core::Result<DecodedText> DecodeText(std::string_view bytes, std::optional<Encoding> forced = std::nullopt);

}  // namespace text

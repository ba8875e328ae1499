// Encoding detection and conversion. Single-byte and UTF-16 conversion use ICU converters (data for
// windows-1251/KOI8-R/windows-1252 is in the ICU subset); UTF-8 repair is done here, per Unicode's "maximal
// subpart" practice (each maximal invalid subsequence becomes one U+FFFD).
#include "text/decode.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "text/utf8.h"

namespace text {

namespace {

struct Spelling { const char* name; Encoding encoding; };
constexpr Spelling kSpellings[] = {
    {"utf8", Encoding::Utf8}, {"utf16le", Encoding::Utf16LE}, {"utf16be", Encoding::Utf16BE},
    {"windows1251", Encoding::Windows1251}, {"cp1251", Encoding::Windows1251},
    {"koi8r", Encoding::Koi8R}, {"koi8", Encoding::Koi8R},
    {"windows1252", Encoding::Windows1252}, {"cp1252", Encoding::Windows1252},
    {"latin1", Encoding::Windows1252}, {"iso88591", Encoding::Windows1252},
};

const char* IcuConverterName(Encoding encoding) {
    switch (encoding) {
    case Encoding::Utf8: return "UTF-8";
    case Encoding::Utf16LE: return "UTF-16LE";
    case Encoding::Utf16BE: return "UTF-16BE";
    case Encoding::Windows1251: return "windows-1251";
    case Encoding::Koi8R: return "KOI8-R";
    case Encoding::Windows1252: return "windows-1252";
    }
    return "UTF-8";
}

// Length of the longest prefix of s[i..] that could start a valid UTF-8 sequence (≥ 1), for replacement.
size_t MaximalSubpart(const unsigned char* s, size_t n, size_t i) {
    unsigned char c = s[i];
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) { len = 3; lo = 0xA0; }
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) len = 3;
    else if (c == 0xED) { len = 3; hi = 0x9F; }
    else if (c == 0xF0) { len = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) { len = 4; hi = 0x8F; }
    else return 1;
    size_t k = 1;
    if (i + k < n && s[i + k] >= lo && s[i + k] <= hi) {
        ++k;
        while (k < len && i + k < n && s[i + k] >= 0x80 && s[i + k] <= 0xBF) ++k;
    }
    return k;
}

// Copies UTF-8, replacing each invalid sequence with U+FFFD. Returns the number replaced.
size_t RepairUtf8(std::string_view bytes, std::string* out) {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    size_t n = bytes.size(), i = 0, replaced = 0;
    out->clear();
    out->reserve(n);
    while (i < n) {
        size_t bad = FindInvalidUtf8(bytes.substr(i));
        if (bad == std::string_view::npos) { out->append(bytes.substr(i)); break; }
        out->append(bytes.substr(i, bad));
        i += bad;
        i += MaximalSubpart(s, n, i);
        out->append("\xEF\xBF\xBD");
        ++replaced;
    }
    return replaced;
}

// Counts well-formed multi-byte sequences and invalid sequences in the first `limit` bytes.
void CountUtf8(std::string_view bytes, size_t* valid_multibyte, size_t* invalid) {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    size_t n = bytes.size(), i = 0;
    *valid_multibyte = *invalid = 0;
    while (i < n) {
        if (s[i] < 0x80) { ++i; continue; }
        size_t bad = FindInvalidUtf8(bytes.substr(i, 4));
        if (bad == 0) { ++*invalid; i += MaximalSubpart(s, n, i); continue; }
        size_t len = s[i] < 0xE0 ? 2 : s[i] < 0xF0 ? 3 : 4;
        ++*valid_multibyte;
        i += len;
    }
}

core::Result<std::string> ConvertWithIcu(std::string_view bytes, Encoding encoding, size_t* replaced) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(IcuConverterName(encoding), &status), ucnv_close);
    if (U_FAILURE(status))
        return core::Error(core::StatusCode::Internal,
                           std::string("the ") + EncodingName(encoding) + " converter is missing: " + u_errorName(status));
    std::u16string utf16(bytes.size() + 1, u'\0');  // single-byte → ≤ 1 unit per byte; UTF-16 → ≤ 1 per 2 bytes
    int32_t units = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                                  static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status))
        return core::Error(core::StatusCode::InvalidInput,
                           std::string("could not convert from ") + EncodingName(encoding) + ": " + u_errorName(status));
    *replaced = static_cast<size_t>(std::count(utf16.begin(), utf16.begin() + units, u'\uFFFD'));
    std::string out(static_cast<size_t>(units) * 3, '\0');
    int32_t len8 = 0;
    u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &len8, utf16.data(), units, 0xFFFD, nullptr, &status);
    if (U_FAILURE(status)) return core::Error(core::StatusCode::Internal, std::string("UTF-8 conversion failed: ") + u_errorName(status));
    out.resize(static_cast<size_t>(len8));
    return out;
}

// A NUL byte, or many C0 control characters other than tab/newline/CR/form feed, mark a binary file.
// Returns the offset that decided, or npos when the bytes look like text.
size_t FindBinaryEvidence(std::string_view bytes) {
    size_t controls = 0, first_control = std::string_view::npos;
    size_t n = std::min<size_t>(bytes.size(), 1 << 20);
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c == 0) return i;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
            if (first_control == std::string_view::npos) first_control = i;
            ++controls;
        }
    }
    return controls * 100 > n + 100 ? first_control : std::string_view::npos;  // > ~1% control characters
}

// UTF-16 without a BOM: one of the two byte lanes is mostly zero (ASCII-range text).
std::optional<Encoding> GuessBomlessUtf16(std::string_view bytes) {
    size_t n = std::min<size_t>(bytes.size(), 4096) & ~size_t(1);
    if (n < 8) return std::nullopt;
    size_t even_zero = 0, odd_zero = 0;
    for (size_t i = 0; i < n; i += 2) {
        even_zero += bytes[i] == 0;
        odd_zero += bytes[i + 1] == 0;
    }
    size_t pairs = n / 2;
    if (odd_zero * 10 > pairs * 4 && even_zero * 10 < pairs) return Encoding::Utf16LE;
    if (even_zero * 10 > pairs * 4 && odd_zero * 10 < pairs) return Encoding::Utf16BE;
    return std::nullopt;
}

// Scores how Russian-like a decoding is: the share of the most frequent Cyrillic lower-case letters.
double CyrillicScore(const std::string& utf8) {
    static const std::u16string kFrequent = u"оеаинтсрвлкмдпуяыь";
    std::u16string utf16(utf8.size() + 1, u'\0');
    int32_t units = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8WithSub(utf16.data(), static_cast<int32_t>(utf16.size()), &units, utf8.data(),
                         static_cast<int32_t>(utf8.size()), 0xFFFD, nullptr, &status);
    if (U_FAILURE(status)) return 0;
    size_t cyrillic = 0, frequent = 0;
    for (int32_t i = 0; i < units; ++i) {
        char16_t c = utf16[static_cast<size_t>(i)];
        if (c >= 0x0400 && c <= 0x04FF) {
            ++cyrillic;
            frequent += kFrequent.find(c) != std::u16string::npos;
        }
    }
    return cyrillic == 0 ? 0 : static_cast<double>(frequent) / static_cast<double>(cyrillic);
}

// High bytes that come in runs (whole words) suggest a Cyrillic single-byte encoding; isolated ones inside
// ASCII words («café») suggest windows-1252.
bool LooksCyrillicSingleByte(std::string_view bytes) {
    size_t high = 0, in_runs = 0;
    size_t n = std::min<size_t>(bytes.size(), 1 << 20);
    for (size_t i = 0; i < n; ++i) {
        if (static_cast<unsigned char>(bytes[i]) < 0xC0) continue;
        ++high;
        bool prev = i > 0 && static_cast<unsigned char>(bytes[i - 1]) >= 0xC0;
        bool next = i + 1 < n && static_cast<unsigned char>(bytes[i + 1]) >= 0xC0;
        in_runs += prev || next;
    }
    return high >= 4 && in_runs * 2 > high;
}

core::Result<DecodedText> Finish(std::string_view bytes, Encoding encoding, DecodedText decoded) {
    decoded.encoding = encoding;
    if (encoding == Encoding::Utf8) {
        decoded.replaced = RepairUtf8(bytes, &decoded.text);
    } else {
        auto converted = ConvertWithIcu(bytes, encoding, &decoded.replaced);
        if (!converted.ok()) return converted.status();
        decoded.text = std::move(*converted);
    }
    if (decoded.replaced > 0) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "; %zu invalid sequence%s replaced with U+FFFD", decoded.replaced,
                      decoded.replaced == 1 ? "" : "s");
        decoded.note += buf;
    }
    return decoded;
}

}  // namespace

const char* EncodingName(Encoding encoding) { return IcuConverterName(encoding); }

bool EncodingFromName(std::string_view name, Encoding* out) {
    std::string key;
    for (char c : name)
        if (std::isalnum(static_cast<unsigned char>(c))) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const Spelling& s : kSpellings)
        if (key == s.name) { *out = s.encoding; return true; }
    return false;
}

core::Result<DecodedText> DecodeText(std::string_view bytes, std::optional<Encoding> forced) {
    DecodedText decoded;
    if (forced) {
        if (*forced == Encoding::Utf8 && bytes.substr(0, 3) == "\xEF\xBB\xBF") { bytes.remove_prefix(3); decoded.had_bom = true; }
        decoded.note = std::string(EncodingName(*forced)) + " (chosen by the user)";
        return Finish(bytes, *forced, std::move(decoded));
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        decoded.had_bom = true;
        decoded.note = "UTF-8 (byte-order mark)";
        return Finish(bytes.substr(3), Encoding::Utf8, std::move(decoded));
    }
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        Encoding e = bytes[0] == '\xFF' ? Encoding::Utf16LE : Encoding::Utf16BE;
        decoded.had_bom = true;
        decoded.note = std::string(EncodingName(e)) + " (byte-order mark)";
        return Finish(bytes.substr(2), e, std::move(decoded));
    }
    if (auto utf16 = GuessBomlessUtf16(bytes)) {
        decoded.note = std::string(EncodingName(*utf16)) + " (no byte-order mark; every other byte is zero)";
        return Finish(bytes, *utf16, std::move(decoded));
    }
    if (size_t at = FindBinaryEvidence(bytes); at != std::string_view::npos) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "this looks like a binary file, not text (%s at byte %zu)",
                      bytes[at] == 0 ? "a NUL byte" : "control characters", at);
        return core::Error(core::StatusCode::Unsupported, buf);
    }
    size_t valid_multibyte = 0, invalid = 0;
    CountUtf8(bytes, &valid_multibyte, &invalid);
    if (invalid == 0) {
        decoded.note = "UTF-8";
        return Finish(bytes, Encoding::Utf8, std::move(decoded));
    }
    if (valid_multibyte >= 4 * invalid) {
        decoded.note = "UTF-8 (mostly valid)";
        return Finish(bytes, Encoding::Utf8, std::move(decoded));
    }
    if (LooksCyrillicSingleByte(bytes)) {
        size_t unused = 0;
        auto cp1251 = ConvertWithIcu(bytes, Encoding::Windows1251, &unused);
        auto koi8 = ConvertWithIcu(bytes, Encoding::Koi8R, &unused);
        if (!cp1251.ok()) return cp1251.status();
        if (!koi8.ok()) return koi8.status();
        bool koi = CyrillicScore(*koi8) > CyrillicScore(*cp1251);
        decoded.note = koi ? "KOI8-R (not UTF-8; Cyrillic letter frequencies fit KOI8-R better than windows-1251)"
                           : "windows-1251 (not UTF-8; Cyrillic letter frequencies fit windows-1251 better than KOI8-R)";
        return Finish(bytes, koi ? Encoding::Koi8R : Encoding::Windows1251, std::move(decoded));
    }
    decoded.note = "windows-1252 (not UTF-8; accented letters look Western European)";
    return Finish(bytes, Encoding::Windows1252, std::move(decoded));
}

}  // namespace text

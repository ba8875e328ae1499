// GraphemeBoundaries over ICU's C character break iterator with a UTF-8 UText (native indices are bytes).
#include "text/graphemes.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

namespace text {

namespace {

bool IsAscii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// One cluster per code point: the fallback when ICU has no rules.
std::vector<uint32_t> CodePointBoundaries(std::string_view s) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(static_cast<uint32_t>(i));
    out.push_back(static_cast<uint32_t>(s.size()));
    if (out.front() != 0) out.insert(out.begin(), 0);
    return out;
}

}  // namespace

std::vector<uint32_t> GraphemeBoundaries(std::string_view utf8) {
    if (IsAscii(utf8)) {
        std::vector<uint32_t> out;
        out.reserve(utf8.size() + 1);
        for (size_t i = 0; i < utf8.size(); ++i)
            if (!(i > 0 && utf8[i] == '\n' && utf8[i - 1] == '\r')) out.push_back(static_cast<uint32_t>(i));
        out.push_back(static_cast<uint32_t>(utf8.size()));
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    UBreakIterator* bi = ubrk_open(UBRK_CHARACTER, "", nullptr, 0, &status);
    if (U_SUCCESS(status)) ubrk_setUText(bi, ut, &status);
    std::vector<uint32_t> out;
    if (U_SUCCESS(status)) {
        for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi)) out.push_back(static_cast<uint32_t>(b));
    }
    if (bi) ubrk_close(bi);
    if (ut) utext_close(ut);
    if (U_FAILURE(status) || out.empty() || out.back() != utf8.size()) return CodePointBoundaries(utf8);
    return out;
}

}  // namespace text

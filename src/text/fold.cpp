// FoldForFilter: ICU's NFD (whose data is built into ICU's common library, so the wasm data subset needs
// nothing more), a pass that drops nonspacing marks, then NFKC_Casefold.
#include "text/fold.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

namespace text {

namespace {

// `in` normalised by `normalizer` (NFKC can expand: retried once with the size ICU asks for); empty on failure.
std::u16string Normalize(const UNormalizer2* normalizer, const std::u16string& in) {
    UErrorCode status = U_ZERO_ERROR;
    std::u16string out(in.size() * 3 + 8, u'\0');
    int32_t n = unorm2_normalize(normalizer, in.data(), static_cast<int32_t>(in.size()), out.data(),
                                 static_cast<int32_t>(out.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        out.resize(static_cast<size_t>(n));
        n = unorm2_normalize(normalizer, in.data(), static_cast<int32_t>(in.size()), out.data(), n, &status);
    }
    if (U_FAILURE(status)) return {};
    out.resize(static_cast<size_t>(n));
    return out;
}

}  // namespace

std::string FoldForFilter(std::string_view utf8) {
    bool ascii = true;
    for (unsigned char c : utf8) ascii &= c < 0x80;
    std::string out(utf8);
    if (ascii) {
        for (char& c : out) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* nfd = unorm2_getNFDInstance(&status);
    const UNormalizer2* fold = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return out;
    std::u16string utf16(utf8.size() + 1, u'\0');
    int32_t len16 = 0;
    u_strFromUTF8WithSub(utf16.data(), static_cast<int32_t>(utf16.size()), &len16, utf8.data(),
                         static_cast<int32_t>(utf8.size()), 0xFFFD, nullptr, &status);
    if (U_FAILURE(status)) return out;
    utf16.resize(static_cast<size_t>(len16));
    std::u16string decomposed = Normalize(nfd, utf16), bare;
    bare.reserve(decomposed.size());
    for (size_t i = 0; i < decomposed.size();) {
        UChar32 c;
        U16_NEXT(decomposed.data(), i, decomposed.size(), c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (c > 0xFFFF) { bare += U16_LEAD(c); bare += U16_TRAIL(c); }
        else bare += static_cast<char16_t>(c);
    }
    std::u16string folded = Normalize(fold, bare);
    int32_t len8 = 0;
    status = U_ZERO_ERROR;
    out.resize(folded.size() * 3);
    u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &len8, folded.data(), static_cast<int32_t>(folded.size()), &status);
    out.resize(U_SUCCESS(status) ? static_cast<size_t>(len8) : 0);
    return out;
}

}  // namespace text

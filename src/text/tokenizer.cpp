// Tokenizer: word segments from the Segmenter, normalised with ICU's Normalizer2. ASCII tokens take a fast
// path (NFKC_Casefold of ASCII is ASCII lower-casing), which is most of the text in most corpora.
#include "text/tokenizer.h"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

namespace text {

Tokenizer::Tokenizer(TokenizerOptions options) : Words(SegmentKind::Word), Options(options) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* n = options.fold_case ? unorm2_getNFKCCasefoldInstance(&status)
                                              : unorm2_getNFKCInstance(&status);
    if (U_SUCCESS(status)) Normalizer = n;
}

bool Tokenizer::valid() const { return Words.valid() && Normalizer != nullptr; }

void Tokenizer::Reset(std::string_view utf8) {
    Text = utf8;
    Words.Reset(utf8);
}

bool Tokenizer::Next(Token* out) {
    Segment seg;
    while (Words.Next(&seg)) {
        if (seg.word_class == WordClass::None) continue;
        out->byte_offset = seg.byte_offset;
        out->byte_length = seg.byte_length;
        out->word_class = seg.word_class;
        Normalize(Text.substr(seg.byte_offset, seg.byte_length), &out->norm);
        return true;
    }
    return false;
}

void Tokenizer::Normalize(std::string_view surface, std::string* out) {
    out->clear();
    bool ascii = true;
    for (unsigned char c : surface) ascii &= c < 0x80;
    if (ascii) {
        out->assign(surface.data(), surface.size());
        if (Options.fold_case)
            for (char& c : *out) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return;
    }
    UErrorCode status = U_ZERO_ERROR;
    int32_t len16 = 0;
    Utf16.resize(surface.size() + 1);  // UTF-16 never needs more units than UTF-8 has bytes
    u_strFromUTF8WithSub(Utf16.data(), static_cast<int32_t>(Utf16.size()), &len16, surface.data(),
                         static_cast<int32_t>(surface.size()), 0xFFFD, nullptr, &status);
    if (U_FAILURE(status) || !Normalizer) { out->assign(surface.data(), surface.size()); return; }
    // NFKC can expand (e.g. «ﷺ» → 18 units); retry once with the size ICU asks for.
    Normalized.resize(static_cast<size_t>(len16) * 3 + 8);
    int32_t norm_len = unorm2_normalize(Normalizer, Utf16.data(), len16, Normalized.data(),
                                        static_cast<int32_t>(Normalized.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        Normalized.resize(static_cast<size_t>(norm_len));
        norm_len = unorm2_normalize(Normalizer, Utf16.data(), len16, Normalized.data(), norm_len, &status);
    }
    if (U_FAILURE(status)) { out->assign(surface.data(), surface.size()); return; }
    int32_t len8 = 0;
    out->resize(static_cast<size_t>(norm_len) * 3);
    u_strToUTF8(out->data(), static_cast<int32_t>(out->size()), &len8, Normalized.data(), norm_len, &status);
    out->resize(U_SUCCESS(status) ? static_cast<size_t>(len8) : 0);
}

std::string NormalizeForMatch(std::string_view utf8, TokenizerOptions options) {
    std::string joined;
    Tokenizer tok(options);
    tok.Reset(utf8);
    Token t;
    while (tok.Next(&t)) {
        if (!joined.empty()) joined += ' ';
        joined += t.norm;
    }
    return joined;
}

std::vector<Token> Tokenize(std::string_view utf8, TokenizerOptions options) {
    std::vector<Token> tokens;
    Tokenizer tok(options);
    tok.Reset(utf8);
    Token t;
    while (tok.Next(&t)) tokens.push_back(t);
    return tokens;
}

}  // namespace text

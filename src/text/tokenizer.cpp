// Tokenizer: word segments from the Segmenter, normalised with ICU's Normalizer2. ASCII tokens take a fast
// path (NFKC_Casefold of ASCII is ASCII lower-casing), which is most of the text in most corpora.
#include "text/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

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
    PendingLength = 0;
    Words.Reset(utf8);
}

bool Tokenizer::Next(Token* out) {
    if (PendingLength != 0) {
        Emit(PendingOffset, PendingLength, WordClass::Letter, out);
        PendingLength = 0;
        return true;
    }
    Segment seg;
    while (Words.Next(&seg)) {
        if (seg.word_class == WordClass::None) continue;
        if (seg.word_class == WordClass::Letter) {
            size_t stop = FullStopSplit(Text.substr(seg.byte_offset, seg.byte_length));
            if (stop != std::string_view::npos) {   // "Constitution.I": "Constitution" now, "I" next
                PendingOffset = seg.byte_offset + static_cast<uint32_t>(stop) + 1;
                PendingLength = seg.byte_length - static_cast<uint32_t>(stop) - 1;
                seg.byte_length = static_cast<uint32_t>(stop);
            }
        }
        Emit(seg.byte_offset, seg.byte_length, seg.word_class, out);
        return true;
    }
    return false;
}

void Tokenizer::Emit(uint32_t byte_offset, uint32_t byte_length, WordClass word_class, Token* out) {
    out->byte_offset = byte_offset;
    out->byte_length = byte_length;
    out->word_class = word_class;
    Normalize(Text.substr(byte_offset, byte_length), &out->norm);
}

namespace {

// The code point at `i` (advancing `i`); U+FFFD for an invalid sequence.
UChar32 NextCodePoint(std::string_view s, int32_t* i) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), *i, static_cast<int32_t>(s.size()), c);
    return c < 0 ? 0xFFFD : c;
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

}  // namespace

size_t FullStopSplit(std::string_view segment) {
    size_t stop = segment.find('.');
    if (stop == std::string_view::npos || stop + 1 >= segment.size()) return std::string_view::npos;
    // Before: two or more letters (apostrophes allowed inside), the last one lower-case.
    int32_t i = 0, letters = 0;
    UChar32 last = 0;
    while (i < static_cast<int32_t>(stop)) {
        UChar32 c = NextCodePoint(segment, &i);
        if (u_isalpha(c)) ++letters;
        else if (!IsApostrophe(c) && !(u_getCombiningClass(c) > 0 || u_charType(c) == U_NON_SPACING_MARK)) return std::string_view::npos;
        last = c;
    }
    if (letters < 2 || !u_islower(last)) return std::string_view::npos;
    // After: an upper-case (or title-case) letter, then lower-case letters, marks or apostrophes to the end.
    i = static_cast<int32_t>(stop) + 1;
    UChar32 first = NextCodePoint(segment, &i);
    if (!u_isupper(first) && !u_istitle(first)) return std::string_view::npos;
    while (i < static_cast<int32_t>(segment.size())) {
        UChar32 c = NextCodePoint(segment, &i);
        if (!u_islower(c) && !IsApostrophe(c) && u_charType(c) != U_NON_SPACING_MARK) return std::string_view::npos;
    }
    return stop;
}

FullStopSplits CountFullStopSplits(std::string_view text) {
    FullStopSplits result;
    Segmenter words(SegmentKind::Word);
    size_t searched_to = 0;   // stretches already segmented (a stretch may hold several full stops)
    for (size_t dot = text.find('.'); dot != std::string_view::npos; dot = text.find('.', dot + 1)) {
        if (dot == 0 || dot + 1 >= text.size() || dot < searched_to) continue;
        const unsigned char before = static_cast<unsigned char>(text[dot - 1]), after = static_cast<unsigned char>(text[dot + 1]);
        if (!((before >= 'a' && before <= 'z') || before >= 0x80) || !((after >= 'A' && after <= 'Z') || after >= 0x80)) continue;
        // The stretch between white space around it: word segments never cross white space.
        auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
        size_t from = dot, to = dot;
        while (from > 0 && !space(text[from - 1])) --from;
        while (to < text.size() && !space(text[to])) ++to;
        searched_to = to;
        std::string_view stretch = text.substr(from, to - from);
        words.Reset(stretch);
        Segment seg;
        while (words.Next(&seg)) {
            if (seg.word_class != WordClass::Letter) continue;
            std::string_view word = stretch.substr(seg.byte_offset, seg.byte_length);
            if (FullStopSplit(word) == std::string_view::npos) continue;
            if (result.count++ == 0) result.first = std::string(word);
        }
    }
    return result;
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

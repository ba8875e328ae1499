// Segmenter over ICU's C break-iterator API with a UTF-8 UText, whose native indices are byte offsets.
#include "text/segmenter.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

namespace text {

Segmenter::Segmenter(SegmentKind kind) : Kind(kind) {
    UErrorCode status = U_ZERO_ERROR;
    // Root locale: the same rules for every language, so a word means the same thing in every corpus.
    UBreakIterator* bi = ubrk_open(kind == SegmentKind::Word ? UBRK_WORD : UBRK_SENTENCE, "", nullptr, 0, &status);
    if (U_FAILURE(status)) return;
    Iterator = bi;
}

Segmenter::~Segmenter() {
    if (Iterator) ubrk_close(Iterator);
    if (Text) utext_close(Text);
}

void Segmenter::Reset(std::string_view utf8) {
    Current = 0;
    if (!Iterator) return;
    UErrorCode status = U_ZERO_ERROR;
    // Reuses the UText object: no allocation per document.
    UText* ut = utext_openUTF8(Text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) { Text = nullptr; return; }
    Text = ut;
    ubrk_setUText(Iterator, ut, &status);
    if (U_FAILURE(status)) return;
    Current = ubrk_first(Iterator);
}

static WordClass ClassFromRuleStatus(int32_t rule_status) {
    if (rule_status >= UBRK_WORD_IDEO) return WordClass::Ideographic;
    if (rule_status >= UBRK_WORD_KANA) return WordClass::Kana;
    if (rule_status >= UBRK_WORD_LETTER) return WordClass::Letter;
    if (rule_status >= UBRK_WORD_NUMBER) return WordClass::Number;
    return WordClass::None;
}

bool Segmenter::Next(Segment* out) {
    if (!Iterator || !Text) return false;
    int32_t next = ubrk_next(Iterator);
    if (next == UBRK_DONE) return false;
    out->byte_offset = static_cast<uint32_t>(Current);
    out->byte_length = static_cast<uint32_t>(next - Current);
    out->word_class = Kind == SegmentKind::Word ? ClassFromRuleStatus(ubrk_getRuleStatus(Iterator)) : WordClass::None;
    Current = next;
    return true;
}

}  // namespace text

// Segmenter over ICU's C break-iterator API with a UTF-8 UText, whose native indices are byte offsets. Word
// segments of ASCII text come from a fast path that applies ICU's root word rules to ASCII itself; ICU's
// RuleBasedBreakIterator::handleNext was the largest single cost of indexing a corpus.
#include "text/segmenter.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <array>

namespace text {

namespace {

// Word_Break classes of the ASCII characters as ICU 72's root word rules (data/brkitr/rules/word.txt) see
// them: Unicode's WordBreakProperty with ICU's tailorings, '@' counted as ALetter and ':' dropped from
// MidLetter (so "a:b" is three segments but "a@b" one). The rules' other classes (Extend, Format, ZWJ,
// Hebrew_Letter, Katakana, Regional_Indicator, Extended_Pictographic) have no ASCII members, and
// Double_Quote ('"') only joins Hebrew letters, so it is Other here.
enum class Ascii : uint8_t {
    Other,         // tab, the other controls, DEL, most punctuation, '"'
    CR,
    LF,
    Newline,       // VT, FF
    Letter,        // ALetter: A-Z a-z @
    Digit,         // Numeric: 0-9
    MidNumLet,     // '.' and Single_Quote '\'' (they differ only after Hebrew letters)
    MidNum,        // ',' ';'
    ExtendNumLet,  // '_'
    Space,         // WSegSpace: ' ' only
};

constexpr std::array<Ascii, 128> MakeAsciiClasses() {
    std::array<Ascii, 128> classes{};
    for (int c = 'A'; c <= 'Z'; ++c) classes[c] = Ascii::Letter;
    for (int c = 'a'; c <= 'z'; ++c) classes[c] = Ascii::Letter;
    for (int c = '0'; c <= '9'; ++c) classes[c] = Ascii::Digit;
    classes['@'] = Ascii::Letter;
    classes['\r'] = Ascii::CR;
    classes['\n'] = Ascii::LF;
    classes['\v'] = Ascii::Newline;
    classes['\f'] = Ascii::Newline;
    classes['.'] = Ascii::MidNumLet;
    classes['\''] = Ascii::MidNumLet;
    classes[','] = Ascii::MidNum;
    classes[';'] = Ascii::MidNum;
    classes['_'] = Ascii::ExtendNumLet;
    classes[' '] = Ascii::Space;
    return classes;
}
constexpr std::array<Ascii, 128> kAsciiClasses = MakeAsciiClasses();

bool IsWordPart(Ascii a) { return a == Ascii::Letter || a == Ascii::Digit || a == Ascii::ExtendNumLet; }

// The word segment ICU would give from `start` (a boundary, at an ASCII character), when ASCII characters
// alone decide it. What the rules say about ASCII:
//   WB3, 3a, 3b    CR LF is one segment; otherwise CR, LF, VT and FF stand alone.
//   WB3d           a run of spaces is one segment.
//   WB5, 8, 9, 10, 13a, 13b   letters, digits and '_' join in any order ("abc123", "1_000", "_a").
//   WB6, 7         one '.' or '\'' between letters joins them ("U.S", "don't").
//   WB11, 12       one '.', '\'', ',' or ';' between digits joins them ("3.14", "1,000").
//   WB999          anything else is a segment of one character.
// A non-ASCII character next to a segment can still change it (WB4 attaches Extend/Format/ZWJ, and it may
// be a letter, digit or space that joins), so the fast path gives up, leaving the segment to ICU, when the
// character after the segment or after a candidate '.'/','-style joiner is not ASCII.
// The class follows ICU's rule status, set by the rule that matched the segment's last character: a digit
// {100}, a letter {200}, a final '_' that of the 13a rule joining it ({100} after a digit, {200} after a
// letter or '_'); a lone '_' and everything that is not a word have no status.
bool AsciiWordSegment(std::string_view text, size_t start, size_t* end, WordClass* word_class) {
    const size_t size = text.size();
    auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    size_t i = start + 1;
    WordClass cls = WordClass::None;
    Ascii last = kAsciiClasses[byte(start)];
    switch (last) {
    case Ascii::Space:
        while (i < size && byte(i) == ' ') ++i;
        break;
    case Ascii::CR:
        if (i < size && byte(i) == '\n') ++i;
        break;
    case Ascii::Letter:
    case Ascii::Digit:
    case Ascii::ExtendNumLet: {
        Ascii before_last = Ascii::Other;
        while (i < size && byte(i) < 0x80) {
            Ascii a = kAsciiClasses[byte(i)];
            if (IsWordPart(a)) {
                before_last = last;
                last = a;
                ++i;
                continue;
            }
            bool joiner = last == Ascii::Letter ? a == Ascii::MidNumLet
                          : last == Ascii::Digit ? a == Ascii::MidNumLet || a == Ascii::MidNum
                                                 : false;
            if (!joiner || i + 1 == size) break;
            if (byte(i + 1) >= 0x80) return false;
            if (kAsciiClasses[byte(i + 1)] != last) break;
            i += 2;
        }
        if (last == Ascii::Letter) cls = WordClass::Letter;
        else if (last == Ascii::Digit) cls = WordClass::Number;
        else if (i - start > 1) cls = before_last == Ascii::Digit ? WordClass::Number : WordClass::Letter;
        break;
    }
    default:
        break;
    }
    if (i < size && byte(i) >= 0x80) return false;
    *end = i;
    *word_class = cls;
    return true;
}

}  // namespace

Segmenter::Segmenter(SegmentKind kind, bool ascii_fast_path)
    : Kind(kind), AsciiFastPath(ascii_fast_path && kind == SegmentKind::Word) {
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
    Utf8 = utf8;
    Current = IcuBase = IcuPosition = 0;
    if (!Iterator) return;
    UErrorCode status = U_ZERO_ERROR;
    // Reuses the UText object: no allocation per document.
    UText* ut = utext_openUTF8(Text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) { Text = nullptr; return; }
    Text = ut;
    ubrk_setUText(Iterator, ut, &status);
    if (U_FAILURE(status)) return;
    Current = IcuPosition = ubrk_first(Iterator);
}

static WordClass ClassFromRuleStatus(int32_t rule_status) {
    if (rule_status >= UBRK_WORD_IDEO) return WordClass::Ideographic;
    if (rule_status >= UBRK_WORD_KANA) return WordClass::Kana;
    if (rule_status >= UBRK_WORD_LETTER) return WordClass::Letter;
    if (rule_status >= UBRK_WORD_NUMBER) return WordClass::Number;
    return WordClass::None;
}

bool Segmenter::Next(Segment* out) {
    if (!Iterator || !Text || static_cast<size_t>(Current) >= Utf8.size()) return false;
    // The fast path starts only after an ASCII character (or at the start): a boundary between a non-ASCII
    // and an ASCII character may come from ICU's dictionary segmentation of Thai or CJK inside a longer
    // rule match, where ICU's next boundary and status are the dictionary's, not the rules'.
    if (AsciiFastPath && static_cast<unsigned char>(Utf8[Current]) < 0x80 &&
        (Current == 0 || static_cast<unsigned char>(Utf8[Current - 1]) < 0x80)) {
        size_t end = 0;
        WordClass word_class = WordClass::None;
        if (AsciiWordSegment(Utf8, static_cast<size_t>(Current), &end, &word_class)) {
            out->byte_offset = static_cast<uint32_t>(Current);
            out->byte_length = static_cast<uint32_t>(end - static_cast<size_t>(Current));
            out->word_class = word_class;
            Current = static_cast<int32_t>(end);
            return true;
        }
    }
    return NextFromIcu(out);
}

bool Segmenter::NextFromIcu(Segment* out) {
    if (IcuPosition != Current) {
        // ICU lags behind fast-path segments. Current is a boundary the rules (not a dictionary) found, and
        // ICU's forward rules start afresh at every such boundary, so ICU restarted on the text from Current
        // gives the segments it would have given going on from the start. Cheaper than ubrk_isBoundary, which
        // backs up with the safe-reverse rules and scans forward again when the position is far from its cache.
        UErrorCode status = U_ZERO_ERROR;
        UText* ut = utext_openUTF8(Text, Utf8.data() + Current, static_cast<int64_t>(Utf8.size()) - Current, &status);
        if (U_FAILURE(status)) return false;
        ubrk_setUText(Iterator, ut, &status);
        if (U_FAILURE(status)) return false;
        IcuBase = IcuPosition = Current;
    }
    int32_t next = ubrk_next(Iterator);
    if (next == UBRK_DONE) return false;
    next += IcuBase;
    out->byte_offset = static_cast<uint32_t>(Current);
    out->byte_length = static_cast<uint32_t>(next - Current);
    out->word_class = Kind == SegmentKind::Word ? ClassFromRuleStatus(ubrk_getRuleStatus(Iterator)) : WordClass::None;
    Current = IcuPosition = next;
    return true;
}

}  // namespace text

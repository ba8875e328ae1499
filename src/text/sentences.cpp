// SentenceSplitter: paragraphs found by our own scan (blank lines), sentences inside each by ICU's root
// sentence iterator, and breaks after an abbreviation of CLDR's list (read from brkitr/<lang>.res) skipped by
// our own check. ICU's own filter ("@ss=standard", SimpleFilteredSentenceBreakIterator in ICU 72) misses
// every abbreviation with an inner full stop when a shorter one shares its start ("U.S." because of "S.A.",
// "a.m."): its forward check ends on the space after the abbreviation and reports no match.
#include "text/sentences.h"

#include <unicode/ubrk.h>
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <set>

namespace text {

namespace {

// Languages whose brkitr/<lang>.res (CLDR's sentence-break exceptions) assets/icu-data-items.txt keeps.
// Natively the system's ICU has more; using only these keeps native and web results the same.
constexpr std::array<std::string_view, 2> kAbbreviationLanguages = {"en", "ru"};

// The primary subtag of a BCP 47 tag in lower case, if it names a language with a list; else "en".
std::string AbbreviationLanguageFor(std::string_view tag) {
    std::string primary;
    for (char c : tag) {
        if (c == '-' || c == '_') break;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        primary += c;
    }
    for (std::string_view l : kAbbreviationLanguages)
        if (primary == l) return primary;
    return "en";
}

// The code point starting at `i` (no validation beyond lengths; invalid bytes give a value that is not
// white space), and its length in bytes.
char32_t DecodeAt(std::string_view s, size_t i, size_t* length) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = b(i);
    size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (lead >= 0x80 && lead < 0xC0) n = 1;
    if (i + n > s.size()) n = 1;
    *length = n;
    if (n == 1) return lead;
    char32_t cp = lead & (0x3F >> (n - 1));
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (b(i + k) & 0x3F);
    return cp;
}

// The start of the code point that ends just before `end` (> 0).
size_t PreviousStart(std::string_view s, size_t end) {
    size_t i = end - 1;
    while (i > 0 && end - i < 4 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

// White space for trimming: Unicode's White_Space, plus the zero-width space and BOM that scraped pages leave
// around text.
bool IsSpace(char32_t c) {
    if (c <= 0x20) return c == ' ' || (c >= 0x09 && c <= 0x0D);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Horizontal white space that may stand on a "blank" line.
bool IsBlankLineByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

constexpr std::string_view kParagraphSeparator = "\xE2\x80\xA9";   // U+2029

// CLDR's sentence-break exceptions for `language` from ICU's data (brkitr/<language>.res,
// exceptions/SentenceBreak), in UTF-8. Empty if the data has none.
std::set<std::string, std::less<>> LoadAbbreviations(const std::string& language) {
    std::set<std::string, std::less<>> out;
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle* bundle = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", language.c_str(), &status);
    UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
    UResourceBundle* list = ures_getByKey(exceptions, "SentenceBreak", nullptr, &status);
    if (U_SUCCESS(status)) {
        while (ures_hasNext(list)) {
            UErrorCode item_status = U_ZERO_ERROR;
            int32_t length = 0;
            const UChar* item = ures_getNextString(list, &length, nullptr, &item_status);
            if (U_FAILURE(item_status)) break;
            char utf8[64];
            int32_t utf8_length = 0;
            u_strToUTF8(utf8, sizeof utf8, &utf8_length, item, length, &item_status);
            if (U_SUCCESS(item_status) && utf8_length > 0 && utf8_length <= static_cast<int32_t>(sizeof utf8))
                out.emplace(utf8, static_cast<size_t>(utf8_length));
        }
    }
    ures_close(list);
    ures_close(exceptions);
    ures_close(bundle);
    return out;
}

// Characters that may open a word before an abbreviation: "(U.S." is "U.S.".
bool IsOpening(char32_t c) {
    return c == '(' || c == '[' || c == '"' || c == '\'' || c == 0xAB || c == 0x2018 || c == 0x201C || c == 0x201E;
}

}  // namespace

std::vector<std::string_view> SentenceAbbreviationLanguages() {
    return {kAbbreviationLanguages.begin(), kAbbreviationLanguages.end()};
}

SentenceSplitter::SentenceSplitter(std::string_view language)
    : AbbreviationLanguage(AbbreviationLanguageFor(language)) {
    UErrorCode status = U_ZERO_ERROR;
    // Root rules, as the Segmenter uses: the same for every language; only the abbreviations differ.
    UBreakIterator* bi = ubrk_open(UBRK_SENTENCE, "", nullptr, 0, &status);
    if (U_FAILURE(status)) return;
    Iterator = bi;
    Abbreviations = LoadAbbreviations(AbbreviationLanguage);
    for (const std::string& a : Abbreviations) LongestAbbreviation = std::max(LongestAbbreviation, a.size());
}

SentenceSplitter::~SentenceSplitter() {
    if (Iterator) ubrk_close(Iterator);
    if (Text) utext_close(Text);
}

void SentenceSplitter::Reset(std::string_view utf8) {
    Utf8 = utf8;
    Scan = ParagraphBegin = 0;
    Paragraph.clear();
    Boundary = -1;
    ParagraphCounted = false;
    Paragraphs = 0;
}

// Opens the next paragraph at or after Scan: the bytes up to a blank line, U+2029 or the end. False at the end.
bool SentenceSplitter::StartParagraph() {
    const size_t size = Utf8.size();
    if (Scan >= size) return false;
    size_t end = size, next = size;
    for (size_t i = Scan; i < size; ++i) {
        const char c = Utf8[i];
        if (c == '\n') {
            size_t j = i + 1;
            while (j < size && IsBlankLineByte(Utf8[j])) ++j;
            if (j < size && Utf8[j] == '\n') {   // a blank line: the paragraph ends at this line break
                end = i;
                next = j + 1;
                break;
            }
            i = j - 1;   // the bytes skipped were spaces: nothing to look at again
        } else if (c == kParagraphSeparator[0] && Utf8.substr(i, 3) == kParagraphSeparator) {
            end = i;
            next = i + 3;
            break;
        }
    }
    ParagraphBegin = Scan;
    Scan = next;
    // Line breaks inside the paragraph become spaces of the same byte length, so ICU's offsets are ours.
    Paragraph.assign(Utf8.substr(ParagraphBegin, end - ParagraphBegin));
    for (size_t i = 0; i < Paragraph.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(Paragraph[i]);
        if (c == '\n' || c == '\r') {
            Paragraph[i] = ' ';
        } else if (c == 0xC2 && i + 1 < Paragraph.size() && static_cast<unsigned char>(Paragraph[i + 1]) == 0x85) {
            Paragraph.replace(i, 2, "  ");   // U+0085 NEXT LINE
        } else if (c == 0xE2 && Paragraph.compare(i, 3, "\xE2\x80\xA8") == 0) {
            Paragraph.replace(i, 3, "   ");  // U+2028 LINE SEPARATOR
        }
    }
    ParagraphCounted = false;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(Text, Paragraph.data(), static_cast<int64_t>(Paragraph.size()), &status);
    if (U_FAILURE(status)) return false;
    Text = ut;
    ubrk_setUText(Iterator, ut, &status);
    if (U_FAILURE(status)) return false;
    Boundary = ubrk_first(Iterator);
    return true;
}

// Whether the text of the open paragraph before byte `end` (after `begin`) ends with a listed abbreviation
// as a whole word (white space or the sentence's start before it, opening brackets and quotes aside). Looks
// back at most the longest abbreviation plus a few bytes, so it costs O(1) per break.
bool SentenceSplitter::EndsWithAbbreviation(size_t begin, size_t end) const {
    size_t length = 0;
    while (end > begin) {
        const size_t start = PreviousStart(Paragraph, end);
        if (!IsSpace(DecodeAt(Paragraph, start, &length))) break;
        end = start;
    }
    size_t word = end;
    while (word > begin && end - word <= LongestAbbreviation + 8) {
        const size_t start = PreviousStart(Paragraph, word);
        if (IsSpace(DecodeAt(Paragraph, start, &length))) break;
        word = start;
    }
    if (word == end || end - word > LongestAbbreviation + 8) return false;
    while (word < end && IsOpening(DecodeAt(Paragraph, word, &length))) word += length;
    const std::string_view candidate = std::string_view(Paragraph).substr(word, end - word);
    return Abbreviations.find(candidate) != Abbreviations.end();
}

bool SentenceSplitter::Next(Sentence* out) {
    if (!Iterator) return false;
    for (;;) {
        if (Boundary < 0 && !StartParagraph()) return false;
        const int32_t next = ubrk_next(Iterator);
        if (next == UBRK_DONE) {
            Boundary = -1;
            if (!ParagraphCounted) continue;   // a paragraph of white space only takes no number
            ++Paragraphs;
            continue;
        }
        size_t begin = static_cast<size_t>(Boundary), end = static_cast<size_t>(next);
        if (end < Paragraph.size() && EndsWithAbbreviation(begin, end)) continue;   // the sentence goes on
        Boundary = next;
        size_t length = 0;
        while (begin < end && IsSpace(DecodeAt(Paragraph, begin, &length))) begin += length;
        while (end > begin) {
            const size_t start = PreviousStart(Paragraph, end);
            if (!IsSpace(DecodeAt(Paragraph, start, &length))) break;
            end = start;
        }
        if (begin == end) continue;
        ParagraphCounted = true;
        out->byte_offset = static_cast<uint32_t>(ParagraphBegin + begin);
        out->byte_length = static_cast<uint32_t>(end - begin);
        out->paragraph = Paragraphs;
        return true;
    }
}

std::vector<Sentence> SplitSentences(std::string_view utf8, std::string_view language) {
    std::vector<Sentence> out;
    SentenceSplitter split(language);
    split.Reset(utf8);
    Sentence s;
    while (split.Next(&s)) out.push_back(s);
    return out;
}

}  // namespace text

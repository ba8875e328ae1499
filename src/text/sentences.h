// Sentences of a document with their UTF-8 byte ranges and paragraph numbers, for Compare's alignment. ICU's
// sentence rules (UAX #29) with the abbreviation suppressions of CLDR ("ss=standard": no break after "Mr.",
// "U.S.", "проф."), adapted to scraped text:
//   - a blank line (a line holding only spaces) or U+2029 ends a paragraph, and so a sentence;
//   - a single line break inside a paragraph does not: hard-wrapped lines are read as one line (UAX #29 alone
//     breaks after every line break);
//   - each range is trimmed of white space at both ends, and a range with nothing else is dropped.
//
//     text::SentenceSplitter split("en");
//     split.Reset(utf8);
//     text::Sentence s;
//     while (split.Next(&s)) use(utf8.substr(s.byte_offset, s.byte_length), s.paragraph);
//
// Work is linear in the text: each paragraph is copied once (line breaks turned into spaces of the same byte
// length, so offsets stay the document's) and walked once by ICU; Next() does one sentence's worth of it, so
// a job can stop between sentences. The text passed to Reset must stay alive and unchanged until the next
// Reset. Invalid UTF-8 is read by ICU as U+FFFD; import repairs text before it gets here.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// ICU's opaque C handles (declared the same way in <unicode/ubrk.h> and <unicode/utext.h>).
struct UBreakIterator;
struct UText;

namespace text {

struct Sentence {
    uint32_t byte_offset = 0;   // first byte that is not white space
    uint32_t byte_length = 0;   // up to and including the last byte that is not white space; never 0
    uint32_t paragraph = 0;     // 0, 1, 2 … counting only paragraphs that hold a sentence
};

class SentenceSplitter {
public:
    // `language`: a BCP 47 tag or empty; its primary subtag picks the abbreviation list. Lists ship for the
    // languages in SentenceAbbreviationLanguages(); every other language (and none) gets English's, so the
    // native build (full ICU data) and the web build (the subset) split alike.
    explicit SentenceSplitter(std::string_view language = {});
    ~SentenceSplitter();
    SentenceSplitter(const SentenceSplitter&) = delete;
    SentenceSplitter& operator=(const SentenceSplitter&) = delete;

    // False if ICU could not open the sentence rules (missing data): Next() then yields nothing.
    bool valid() const { return Iterator != nullptr; }
    // The language whose abbreviation list is in use ("en", "ru").
    const std::string& abbreviation_language() const { return AbbreviationLanguage; }

    void Reset(std::string_view utf8);
    // Fills `out` with the next sentence; false at the end of the text.
    bool Next(Sentence* out);

private:
    bool StartParagraph();
    bool EndsWithAbbreviation(size_t begin, size_t end) const;

    ::UBreakIterator* Iterator = nullptr;
    ::UText* Text = nullptr;
    std::string AbbreviationLanguage;
    std::set<std::string, std::less<>> Abbreviations;   // UTF-8, case as listed ("Mr.", "MR.")
    size_t LongestAbbreviation = 0;                      // bytes
    std::string_view Utf8;
    size_t Scan = 0;                 // where the search for the next paragraph starts
    size_t ParagraphBegin = 0;       // the current paragraph's first byte in Utf8
    std::string Paragraph;           // its copy with line breaks made spaces (ICU walks this)
    int32_t Boundary = -1;           // ICU's last boundary in Paragraph; -1: no paragraph open
    bool ParagraphCounted = false;   // the open paragraph has given a sentence (so has its number)
    uint32_t Paragraphs = 0;         // paragraphs numbered so far
};

// The languages with an abbreviation list of their own (the ICU data subset ships theirs).
std::vector<std::string_view> SentenceAbbreviationLanguages();

// All sentences of a text (convenience for tests and small inputs).
std::vector<Sentence> SplitSentences(std::string_view utf8, std::string_view language = {});

}  // namespace text

// UAX #29 segmentation of UTF-8 text with ICU's break iterators, reporting UTF-8 byte offsets. This is the
// raw layer: every segment, words and the spaces/punctuation between them. Most code wants the Tokenizer
// (tokenizer.h), which keeps word-like segments and adds normalised forms.
//
//     text::Segmenter seg(text::SegmentKind::Sentence);
//     seg.Reset(utf8);
//     text::Segment s;
//     while (seg.Next(&s)) use(utf8.substr(s.byte_offset, s.byte_length));
//
// The text passed to Reset must stay alive and unchanged until the next Reset. Invalid UTF-8 is treated as
// U+FFFD by ICU; import validates and repairs text before it gets here.
#pragma once
#include <cstdint>
#include <string_view>

// ICU's opaque C handles (declared the same way in <unicode/ubrk.h> and <unicode/utext.h>).
struct UBreakIterator;
struct UText;

namespace text {

enum class SegmentKind { Word, Sentence };

// What kind of word segment ICU saw (from its rule status); Sentence segments are always None.
enum class WordClass { None, Number, Letter, Kana, Ideographic };

struct Segment {
    uint32_t byte_offset = 0;
    uint32_t byte_length = 0;
    WordClass word_class = WordClass::None;
};

class Segmenter {
public:
    explicit Segmenter(SegmentKind kind);
    ~Segmenter();
    Segmenter(const Segmenter&) = delete;
    Segmenter& operator=(const Segmenter&) = delete;

    // False if ICU could not open the break rules (missing data): Next() then yields nothing.
    bool valid() const { return Iterator != nullptr; }

    void Reset(std::string_view utf8);
    // Fills `out` with the next segment; false at the end of the text.
    bool Next(Segment* out);

private:
    ::UBreakIterator* Iterator = nullptr;
    ::UText* Text = nullptr;
    SegmentKind Kind;
    int32_t Current = 0;
};

}  // namespace text

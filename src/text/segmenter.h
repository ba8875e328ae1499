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
//
// Word segmentation of ASCII runs takes a fast path that applies ICU's root word rules itself (segmenter.cpp
// lists them) and gives exactly ICU's segments and classes; ICU takes over wherever a non-ASCII character
// could affect a boundary. tests/text/segmenter_fast_path_test.cpp holds the two to the same output.
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
    // `ascii_fast_path` false leaves every segment to ICU: for tests and benchmarks that compare the fast
    // path with ICU alone. The output is the same either way.
    explicit Segmenter(SegmentKind kind, bool ascii_fast_path = true);
    ~Segmenter();
    Segmenter(const Segmenter&) = delete;
    Segmenter& operator=(const Segmenter&) = delete;

    // False if ICU could not open the break rules (missing data): Next() then yields nothing.
    bool valid() const { return Iterator != nullptr; }

    void Reset(std::string_view utf8);
    // Fills `out` with the next segment; false at the end of the text.
    bool Next(Segment* out);

private:
    bool NextFromIcu(Segment* out);

    ::UBreakIterator* Iterator = nullptr;
    ::UText* Text = nullptr;
    SegmentKind Kind;
    bool AsciiFastPath = false;    // Word segmenters only
    std::string_view Utf8;
    int32_t Current = 0;           // byte offset of the next segment's start
    // ICU's UText starts at byte IcuBase of the document (ICU's offsets + IcuBase = ours), and ICU's iterator
    // stands at byte IcuPosition; after fast-path segments it lags behind Current until the next ICU segment.
    int32_t IcuBase = 0;
    int32_t IcuPosition = 0;
};

}  // namespace text

// Reader selection: word and sentence extents with text::Segmenter over the paragraph around a byte.
#include "app/reader_selection.h"

#include <algorithm>

#include "text/segmenter.h"

namespace app {

namespace {

// How far from the byte a paragraph is segmented, each way: a double-click in a text without line breaks
// (a 10 MB single line) stays cheap; a sentence longer than this is cut at the window's edge.
constexpr uint32_t kMaxContextBytes = 4096;

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The segment of `kind` holding `byte`, looked for in the paragraph (line) around it.
TextRange SegmentAt(std::string_view text, uint32_t byte, text::SegmentKind kind) {
    const uint32_t size = static_cast<uint32_t>(text.size());
    byte = std::min(byte, size);
    // The line holding `byte`, within kMaxContextBytes each way.
    uint32_t from = byte, to = byte;
    while (from > 0 && text[from - 1] != '\n' && byte - from < kMaxContextBytes) --from;
    while (to < size && text[to] != '\n' && to - byte < kMaxContextBytes) ++to;
    while (from < byte && IsContinuation(text[from])) ++from;   // the window starts and ends on characters
    while (to > byte && to < size && IsContinuation(text[to])) --to;
    if (from == to) return {byte, byte};
    // At a line's end (a click past its last character) the segment is the one before.
    if (byte == to) {
        --byte;
        while (byte > from && IsContinuation(text[byte])) --byte;
    }
    text::Segmenter segmenter(kind);
    segmenter.Reset(text.substr(from, to - from));
    text::Segment s;
    const uint32_t offset = byte - from;
    while (segmenter.Next(&s))
        if (offset >= s.byte_offset && offset < s.byte_offset + s.byte_length)
            return {from + s.byte_offset, from + s.byte_offset + s.byte_length};
    return {byte, byte};   // ICU's data is missing: nothing to select
}

}  // namespace

TextRange WordAt(std::string_view text, uint32_t byte) { return SegmentAt(text, byte, text::SegmentKind::Word); }

TextRange SentenceAt(std::string_view text, uint32_t byte) {
    TextRange r = SegmentAt(text, byte, text::SegmentKind::Sentence);
    while (r.to > r.from && (text[r.to - 1] == ' ' || text[r.to - 1] == '\t' || text[r.to - 1] == '\r')) --r.to;
    return r;
}

std::string SelectedText(std::string_view text, TextRange range) {
    const size_t from = std::min<size_t>(range.from, text.size()), to = std::min<size_t>(range.to, text.size());
    return from < to ? std::string(text.substr(from, to - from)) : std::string();
}

}  // namespace app

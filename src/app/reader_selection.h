// The Reader's text selection: a byte range of the document's text (UTF-8 byte offsets, as everywhere), and
// the word or sentence around a byte for double- and triple-clicks (UAX #29, as the tokenizer segments).
// The UI turns mouse positions into bytes (ui/text_layout.h); this module knows nothing of pixels.
//
//     ReaderSelection& sel = state.reader_selection;
//     sel = ReaderSelection::Of(WordAt(state.reader_text, byte));       // double-click
//     std::string copied = SelectedText(state.reader_text, sel);
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace app {

// A half-open byte range [from, to) of a text; empty when from == to.
struct TextRange {
    uint32_t from = 0, to = 0;
    bool empty() const { return from == to; }
    bool operator==(const TextRange&) const = default;
};

// Where a drag started (anchor) and where it is now (caret); the selection lies between them, either way.
struct ReaderSelection {
    uint32_t anchor = 0, caret = 0;
    TextRange range() const { return anchor <= caret ? TextRange{anchor, caret} : TextRange{caret, anchor}; }
    static ReaderSelection Of(TextRange r) { return {r.from, r.to}; }
};

// The word segment (UAX #29) holding `byte`: a word, a number, a run of spaces or one punctuation mark, as
// a double-click selects. At the end of a line (`byte` on a newline or the text's end) it is the segment
// before. Only the paragraph around `byte` (and at most a few KB of it) is segmented.
TextRange WordAt(std::string_view text, uint32_t byte);

// The sentence (UAX #29) holding `byte`, without its trailing spaces and line breaks, as a triple-click
// selects. Sentences never cross a line break here: each line of the Reader's text is a paragraph.
TextRange SentenceAt(std::string_view text, uint32_t byte);

// The selected text (clamped to the text; never splits a UTF-8 sequence if the range does not).
std::string SelectedText(std::string_view text, TextRange range);

}  // namespace app

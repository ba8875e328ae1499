// Plain text laid out in wrapped lines, and hit-testing on them: which byte a mouse position points at, and
// where a byte is drawn. The Reader lays its document out with these (selection, hit highlights); they use
// the font's own advances, as ImGui's text drawing does, so the bytes found match the glyphs seen.
//
//     std::vector<TextLine> lines = WrapLines(font, size, text, width);
//     size_t i = LineAt(lines, y / line_height);                        // the line under the pointer
//     uint32_t byte = ByteAtX(font, size, text, lines[i], x);           // the character boundary nearest x
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

struct ImFont;

namespace ui {

// Bytes [from, to) of a text drawn as one line. Every '\n' starts a new line (an empty paragraph is an empty
// line); the spaces where a paragraph wraps belong to no line.
struct TextLine { uint32_t from = 0, to = 0; };

// `text` wrapped at `wrap_width` pixels with ImGui's word wrapping, for `font` drawn at `size` pixels.
std::vector<TextLine> WrapLines(const ImFont* font, float size, std::string_view text, float wrap_width);

// The character boundary of `line` nearest to `x` pixels from the line's start: 0 or less is line.from, past
// the last character line.to. Never inside a UTF-8 sequence.
uint32_t ByteAtX(const ImFont* font, float size, std::string_view text, TextLine line, float x);

// Where `byte` (within `line`) is drawn, in pixels from the line's start.
float XOfByte(const ImFont* font, float size, std::string_view text, TextLine line, uint32_t byte);

// The line holding `byte`: the last one starting at or before it (0 for no lines).
size_t LineOfByte(const std::vector<TextLine>& lines, uint32_t byte);

}  // namespace ui

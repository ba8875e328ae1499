// Text layout: ImFont::CalcWordWrapPositionA for wrapping, per-character advances for hit-testing.
#include "ui/text_layout.h"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>   // ImTextCharFromUtf8

namespace ui {

std::vector<TextLine> WrapLines(const ImFont* font, float size, std::string_view text, float wrap_width) {
    std::vector<TextLine> lines;
    const char* begin = text.data();
    const char* end = begin + text.size();
    const float scale = size / font->FontSize;
    auto offset = [begin](const char* p) { return static_cast<uint32_t>(p - begin); };
    for (const char* p = begin;;) {
        const char* para_end = std::find(p, end, '\n');
        if (p == para_end) lines.push_back({offset(p), offset(p)});
        while (p < para_end) {
            const char* wrap = font->CalcWordWrapPositionA(scale, p, para_end, wrap_width);
            if (wrap == p) {   // a glyph wider than the line: one character, never stall
                unsigned int c = 0;
                wrap = p + ImTextCharFromUtf8(&c, p, para_end);
            }
            lines.push_back({offset(p), offset(wrap)});
            p = wrap;
            while (p < para_end && *p == ' ') ++p;
        }
        if (para_end == end) break;
        p = para_end + 1;
    }
    return lines;
}

uint32_t ByteAtX(const ImFont* font, float size, std::string_view text, TextLine line, float x) {
    const float scale = size / font->FontSize;
    const char* begin = text.data();
    const char* p = begin + line.from;
    const char* end = begin + line.to;
    float left = 0;
    while (p < end) {
        unsigned int c = 0;
        const int bytes = ImTextCharFromUtf8(&c, p, end);
        const float advance = font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
        if (x < left + advance * 0.5f) break;   // nearer this character's left edge than its right
        left += advance;
        p += bytes;
    }
    return static_cast<uint32_t>(p - begin);
}

float XOfByte(const ImFont* font, float size, std::string_view text, TextLine line, uint32_t byte) {
    const uint32_t to = std::clamp(byte, line.from, line.to);
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data() + line.from, text.data() + to).x;
}

size_t LineOfByte(const std::vector<TextLine>& lines, uint32_t byte) {
    auto line = std::upper_bound(lines.begin(), lines.end(), byte, [](uint32_t b, const TextLine& l) { return b < l.from; });
    return line == lines.begin() ? 0 : static_cast<size_t>(line - lines.begin() - 1);
}

}  // namespace ui

// Word-by-word layout: ImGui's own wrapping cannot change style mid-paragraph, so words are placed one at
// a time, wrapping at the available width.
#include "ui/highlighted_text.h"

#include <imgui.h>

#include "store/corpus.h"
#include "ui/style.h"

namespace ui {

void HighlightedTextWrapped(std::string_view text) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float left = ImGui::GetCursorScreenPos().x;
    const float right = left + ImGui::GetContentRegionAvail().x;
    const float line_height = ImGui::GetTextLineHeightWithSpacing();
    const float space = ImGui::CalcTextSize(" ").x;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
    bool highlighted = false;
    size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c == store::kHighlightBegin) { highlighted = true; ++i; continue; }
        if (c == store::kHighlightEnd) { highlighted = false; ++i; continue; }
        if (c == ' ' || c == '\n' || c == '\t') { pos.x += space; ++i; continue; }
        size_t end = i;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t' &&
               text[end] != store::kHighlightBegin && text[end] != store::kHighlightEnd)
            ++end;
        const char* word_begin = text.data() + i;
        const char* word_end = text.data() + end;
        float width = ImGui::CalcTextSize(word_begin, word_end).x;
        if (pos.x + width > right && pos.x > left) { pos.x = left; pos.y += line_height; }
        if (highlighted)
            draw->AddRectFilled(ImVec2(pos.x - 2, pos.y - 1), ImVec2(pos.x + width + 2, pos.y + ImGui::GetTextLineHeight() + 1),
                                ColorHighlight(), 3.0f);
        draw->AddText(pos, text_color, word_begin, word_end);
        pos.x += width;
        i = end;
    }
    ImGui::Dummy(ImVec2(right - left, pos.y - ImGui::GetCursorScreenPos().y + ImGui::GetTextLineHeight()));
}

}  // namespace ui

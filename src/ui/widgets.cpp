// Shared widgets. Highlighted text is laid out word by word: ImGui's own wrapping cannot change style
// mid-paragraph.
#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>   // FocusWindow (FocusNextItem)

#include "store/corpus.h"
#include "ui/style.h"

namespace ui {

void RecordItemRect(app::AppState& state, const char* name) {
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    state.widgets[name] = {min.x, min.y, max.x - min.x, max.y - min.y};
}

std::string DisplayDate(const std::string& iso) {
    return iso.rfind("--", 0) == 0 ? "????" + iso.substr(1) : iso;
}

void MutedTextWrapped(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void HighlightedTextWrapped(std::string_view text) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float left = ImGui::GetCursorScreenPos().x;
    const float right = left + ImGui::GetContentRegionAvail().x;
    const float line_height = ImGui::GetTextLineHeightWithSpacing();
    const float space = ImGui::CalcTextSize(" ").x;
    const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 highlight = CurrentPalette().highlight;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const float top = pos.y;
    bool highlighted = false;
    size_t i = 0;
    auto is_break = [](char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == store::kHighlightBegin || c == store::kHighlightEnd;
    };
    while (i < text.size()) {
        char c = text[i];
        if (c == store::kHighlightBegin) { highlighted = true; ++i; continue; }
        if (c == store::kHighlightEnd) { highlighted = false; ++i; continue; }
        if (c == ' ' || c == '\n' || c == '\t') { pos.x += space; ++i; continue; }
        size_t end = i;
        while (end < text.size() && !is_break(text[end])) ++end;
        const char* word_begin = text.data() + i;
        const char* word_end = text.data() + end;
        float width = ImGui::CalcTextSize(word_begin, word_end).x;
        if (pos.x + width > right && pos.x > left) { pos.x = left; pos.y += line_height; }
        if (highlighted)
            draw->AddRectFilled(ImVec2(pos.x - 2, pos.y - 1),
                                ImVec2(pos.x + width + 2, pos.y + ImGui::GetTextLineHeight() + 1), highlight, 3.0f);
        draw->AddText(pos, text_color, word_begin, word_end);
        pos.x += width;
        i = end;
    }
    ImGui::Dummy(ImVec2(right - left, pos.y - top + ImGui::GetTextLineHeight()));
}

namespace {
// ImGui asks to grow the buffer while the user types: resize the string and hand its storage back.
int ResizeString(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}
}  // namespace

bool InputString(const char* label, const char* hint, std::string* text, ImGuiInputTextFlags flags) {
    return ImGui::InputTextWithHint(label, hint, text->data(), text->capacity() + 1,
                                    flags | ImGuiInputTextFlags_CallbackResize, ResizeString, text);
}

bool InputStringMultiline(const char* label, std::string* text, ImVec2 size, ImGuiInputTextFlags flags) {
    return ImGui::InputTextMultiline(label, text->data(), text->capacity() + 1, size,
                                     flags | ImGuiInputTextFlags_CallbackResize, ResizeString, text);
}

bool ButtonIf(bool enabled, const char* label, const char* why_not) {
    ImGui::BeginDisabled(!enabled);
    bool pressed = ImGui::Button(label);
    ImGui::EndDisabled();
    if (!enabled && why_not && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", why_not);
    return pressed && enabled;
}

void SameLineOrWrap(float width) {
    const float row_end = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (row_end <= right) ImGui::SameLine();
}

void FocusNextItem() {
    ImGui::FocusWindow(ImGui::GetCurrentWindow());
    ImGui::SetKeyboardFocusHere();
}

std::string FitText(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const float room = width - ImGui::CalcTextSize("…").x;
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    const char* fits = begin;   // the end of the longest prefix that fits, on a character boundary
    float used = 0;
    for (const char* p = begin; p < end;) {
        const char* next = p + 1;
        while (next < end && (static_cast<unsigned char>(*next) & 0xC0) == 0x80) ++next;
        used += ImGui::CalcTextSize(p, next).x;
        if (used > room) break;
        fits = p = next;
    }
    return std::string(begin, fits) + "…";
}

float ButtonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

// Opens the modal `id` once when `*request` is set; keeps it centred and inside the page; returns
// BeginPopupModal's result.
bool BeginDialog(const char* id, bool* request) {
    if (request && *request) {
        ImGui::OpenPopup(id);
        *request = false;
    }
    // Centred every frame, not only when it opens: it stays centred when its content or the window changes size.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), viewport->WorkSize);
    return ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize);
}

}  // namespace ui

// Theme and fonts.
#include "ui/style.h"

#include <cstdio>

#include <imgui.h>

namespace ui {

Fonts LoadFonts(const char* ttf_path, float scale) {
    ImGuiIO& io = ImGui::GetIO();
    Fonts fonts;
    static const ImWchar kRanges[] = {
        0x0020, 0x024F,  // Latin, Latin-1, Latin Extended-A/B
        0x0300, 0x036F,  // combining diacritics
        0x0370, 0x03FF,  // Greek
        0x0400, 0x052F,  // Cyrillic and supplement
        0x1E00, 0x1EFF,  // Latin Extended Additional
        0x2000, 0x206F,  // punctuation: dashes, quotes, ellipsis
        0x20A0, 0x20BF,  // currency
        0x2190, 0x21FF,  // arrows
        0xFFFD, 0xFFFD,  // replacement character
        0,
    };
    if (FILE* f = std::fopen(ttf_path, "rb")) {
        std::fclose(f);
        ImFontConfig config;
        config.OversampleH = 2;
        config.PixelSnapH = false;
        fonts.body = io.Fonts->AddFontFromFileTTF(ttf_path, 16.0f * scale, &config, kRanges);
        fonts.heading = io.Fonts->AddFontFromFileTTF(ttf_path, 26.0f * scale, &config, kRanges);
    }
    if (!fonts.body) {
        ImFontConfig config;
        config.SizePixels = 13.0f * scale;
        fonts.body = fonts.heading = io.Fonts->AddFontDefault(&config);
    }
    io.FontDefault = fonts.body;
    return fonts;
}

void ApplyStyle(float scale) {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(24, 20);
    style.FramePadding = ImVec2(10, 7);
    style.ItemSpacing = ImVec2(10, 10);
    style.FrameRounding = 5;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.ScrollbarRounding = 6;
    style.ScrollbarSize = 14;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 1;
    style.CellPadding = ImVec2(10, 6);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.975f, 0.972f, 0.965f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.92f, 0.92f, 0.91f, 1.0f);
    c[ImGuiCol_TableRowBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.985f, 0.985f, 0.98f, 1.0f);
    c[ImGuiCol_TableBorderLight] = ImVec4(0.88f, 0.88f, 0.89f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.12f, 0.14f, 0.16f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.45f, 0.48f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.96f, 0.97f, 1.0f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.80f, 0.81f, 0.83f, 1.0f);
    c[ImGuiCol_Separator] = ImVec4(0.86f, 0.86f, 0.87f, 1.0f);
    c[ImGuiCol_NavHighlight] = ImVec4(0.17f, 0.42f, 0.69f, 1.0f);
    style.ScaleAllSizes(scale);
}

unsigned int ColorMuted() { return IM_COL32(100, 107, 115, 255); }
unsigned int ColorAccent() { return IM_COL32(43, 108, 176, 255); }
unsigned int ColorHighlight() { return IM_COL32(255, 224, 130, 255); }

}  // namespace ui

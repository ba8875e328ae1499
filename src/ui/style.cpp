// Themes and fonts.
#include "ui/style.h"

#include <cstdio>
#include <initializer_list>

#include <imgui.h>

namespace ui {

namespace {

Palette g_palette;  // the applied theme's palette (ImGui's own style is global in the same way)

const ImWchar kTextRanges[] = {
    0x0020, 0x024F,  // Latin, Latin-1, Latin Extended-A/B
    0x0300, 0x036F,  // combining diacritics
    0x0370, 0x03FF,  // Greek
    0x0400, 0x052F,  // Cyrillic and supplement
    0x1E00, 0x1EFF,  // Latin Extended Additional
    0x2000, 0x206F,  // punctuation: dashes, quotes, ellipsis
    0x20A0, 0x20BF,  // currency
    0x2190, 0x21FF,  // arrows
    0x2500, 0x25FF,  // box drawing, shapes
    0xFB00, 0xFB06,  // Latin ligatures (ﬁ, ﬂ …), which scanned and typeset texts carry
    0xFFFD, 0xFFFD,  // replacement character
    0,
};

bool FileExists(const char* path) {
    FILE* f = path ? std::fopen(path, "rb") : nullptr;
    if (f) std::fclose(f);
    return f != nullptr;
}

ImFont* AddFont(const char* path, float css_size, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    if (FileExists(path)) {
        ImFontConfig config;
        config.OversampleH = 2;
        config.PixelSnapH = false;
        return io.Fonts->AddFontFromFileTTF(path, css_size * pixel_ratio, &config, kTextRanges);
    }
    ImFontConfig config;
    config.SizePixels = 13.0f * pixel_ratio;
    return io.Fonts->AddFontDefault(&config);
}

}  // namespace

Fonts LoadFonts(const char* sans_path, const char* mono_path, float pixel_ratio) {
    Fonts fonts;
    fonts.body = AddFont(sans_path, 16.0f, pixel_ratio);
    fonts.heading = AddFont(sans_path, 22.0f, pixel_ratio);
    fonts.mono = AddFont(mono_path, 15.0f, pixel_ratio);
    ImGui::GetIO().FontDefault = fonts.body;
    // Full-width forms of ASCII (U+FF01–FF5E, "ｆｕｌｌ" in CJK text) are drawn with the ordinary characters'
    // glyphs: the UI fonts have none of their own, and they came out as �. Remapping needs the built atlas.
    ImGui::GetIO().Fonts->Build();
    for (ImFont* font : {fonts.body, fonts.heading, fonts.mono})
        for (ImWchar c = 0xFF01; c <= 0xFF5E; ++c) font->AddRemapChar(c, static_cast<ImWchar>(c - 0xFF01 + 0x21));
    return fonts;
}

void ApplyStyle(bool dark) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    if (dark) ImGui::StyleColorsDark(); else ImGui::StyleColorsLight();
    style.WindowPadding = ImVec2(16, 12);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.CellPadding = ImVec2(10, 5);
    style.FrameRounding = 5;
    style.WindowRounding = 0;
    style.ChildRounding = 0;
    style.PopupRounding = 6;
    style.TabRounding = 5;
    style.GrabRounding = 4;
    style.ScrollbarRounding = 6;
    style.ScrollbarSize = 14;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = 1;
    style.TabBorderSize = 0;

    ImVec4* c = style.Colors;
    if (dark) {
        c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.13f, 1.0f);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.14f, 0.15f, 0.16f, 1.0f);
        c[ImGuiCol_PopupBg] = ImVec4(0.15f, 0.16f, 0.17f, 1.0f);
        c[ImGuiCol_Text] = ImVec4(0.90f, 0.91f, 0.92f, 1.0f);
        c[ImGuiCol_TextDisabled] = ImVec4(0.58f, 0.60f, 0.63f, 1.0f);
        c[ImGuiCol_FrameBg] = ImVec4(0.17f, 0.18f, 0.20f, 1.0f);
        c[ImGuiCol_Border] = ImVec4(0.28f, 0.30f, 0.32f, 1.0f);
        c[ImGuiCol_TableHeaderBg] = ImVec4(0.17f, 0.18f, 0.20f, 1.0f);
        c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.03f);
        c[ImGuiCol_Tab] = ImVec4(0.16f, 0.17f, 0.19f, 1.0f);
        c[ImGuiCol_TabActive] = ImVec4(0.22f, 0.36f, 0.55f, 1.0f);
        c[ImGuiCol_TabHovered] = ImVec4(0.27f, 0.42f, 0.62f, 1.0f);
        g_palette = {IM_COL32(150, 156, 163, 255), IM_COL32(120, 170, 235, 255), IM_COL32(120, 95, 20, 255),
                     IM_COL32(240, 110, 100, 255)};
    } else {
        c[ImGuiCol_WindowBg] = ImVec4(0.975f, 0.972f, 0.965f, 1.0f);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.94f, 0.937f, 0.93f, 1.0f);
        c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
        c[ImGuiCol_Text] = ImVec4(0.12f, 0.14f, 0.16f, 1.0f);
        c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.45f, 0.48f, 1.0f);
        c[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
        c[ImGuiCol_FrameBgHovered] = ImVec4(0.96f, 0.97f, 1.0f, 1.0f);
        c[ImGuiCol_FrameBgActive] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
        c[ImGuiCol_Border] = ImVec4(0.82f, 0.82f, 0.84f, 1.0f);
        c[ImGuiCol_Separator] = ImVec4(0.86f, 0.86f, 0.87f, 1.0f);
        c[ImGuiCol_TableHeaderBg] = ImVec4(0.92f, 0.92f, 0.91f, 1.0f);
        c[ImGuiCol_TableRowBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(0.985f, 0.985f, 0.98f, 1.0f);
        c[ImGuiCol_TableBorderLight] = ImVec4(0.88f, 0.88f, 0.89f, 1.0f);
        c[ImGuiCol_Tab] = ImVec4(0.91f, 0.91f, 0.90f, 1.0f);
        c[ImGuiCol_TabActive] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
        c[ImGuiCol_TabHovered] = ImVec4(0.85f, 0.90f, 0.97f, 1.0f);
        c[ImGuiCol_Header] = ImVec4(0.85f, 0.90f, 0.97f, 1.0f);
        g_palette = {IM_COL32(100, 107, 115, 255), IM_COL32(36, 99, 168, 255), IM_COL32(255, 224, 130, 255),
                     IM_COL32(170, 30, 30, 255)};
    }
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_NavHighlight] = ImVec4(0.17f, 0.42f, 0.69f, 1.0f);
}

const Palette& CurrentPalette() { return g_palette; }

}  // namespace ui

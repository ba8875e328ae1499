// The app's look: a calm light theme, sizes in CSS pixels scaled by the device pixel ratio, and the fonts.
#pragma once

struct ImFont;

namespace ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
};

// Loads the UI font (Latin, Greek, Cyrillic) at body and heading sizes × `scale`; falls back to ImGui's
// built-in font (ASCII only) when the file is missing, so the app still starts.
Fonts LoadFonts(const char* ttf_path, float scale);

// Applies the theme with sizes × `scale`.
void ApplyStyle(float scale);

// Theme colours the panels use beyond ImGui's own (packed ImU32).
unsigned int ColorMuted();
unsigned int ColorAccent();
unsigned int ColorHighlight();

}  // namespace ui

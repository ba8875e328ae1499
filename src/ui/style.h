// The app's look: calm light and dark themes, sizes in CSS pixels, and the fonts (a Latin+Greek+Cyrillic
// sans for the UI and text, a monospace for concordance lines), rasterised at the device pixel ratio.
//
// Adding a script: put its font (from a Debian fonts package) through tools/bootstrap.sh's pyftsubset step,
// pack it with the other assets, and merge it into the body font with ImFontConfig::MergeMode and the
// script's glyph ranges in LoadFonts — at start-up, or later when a corpus needs it (rebuild the atlas and
// recreate the font texture, as the platform layer does when the pixel ratio changes).
#pragma once

struct ImFont;

namespace ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* mono = nullptr;
};

// Loads the fonts × `pixel_ratio`; the platform sets io.FontGlobalScale = 1 / pixel_ratio so they draw at
// CSS size with one texel per device pixel. Missing files fall back to ImGui's built-in font (ASCII only).
Fonts LoadFonts(const char* sans_path, const char* mono_path, float pixel_ratio);

// Applies the light or dark theme (ImGui colours, spacing, and the palette below).
void ApplyStyle(bool dark);

// Colours the panels use beyond ImGui's own, for the theme applied last (packed ImU32).
struct Palette {
    unsigned int muted;       // secondary text
    unsigned int accent;      // titles, links
    unsigned int highlight;   // search hits
    unsigned int error;       // error messages
};
const Palette& CurrentPalette();

}  // namespace ui

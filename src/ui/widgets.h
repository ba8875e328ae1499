// Small widgets and helpers the panels share.
#pragma once
#include <string>
#include <string_view>

#include <imgui.h>

#include "app/app_state.h"

namespace ui {

// Records the last item's rectangle under `name` in state.widgets (for the test API).
void RecordItemRect(app::AppState& state, const char* name);

// Wrapped text whose words between store::kHighlightBegin and kHighlightEnd markers (as in search snippets)
// get a highlight background.
void HighlightedTextWrapped(std::string_view marked_text);

// A stored date as people read it: ISO 8601's year-less "--05-07" becomes "????-05-07".
std::string DisplayDate(const std::string& iso);

// Text in the palette's muted colour, wrapped.
void MutedTextWrapped(const char* text);
// ImGui text fields editing a std::string (grown as the user types). `size.x` ≤ 0: the available width.
bool InputString(const char* label, const char* hint, std::string* text, ImGuiInputTextFlags flags = 0);
bool InputStringMultiline(const char* label, std::string* text, ImVec2 size, ImGuiInputTextFlags flags = 0);
// Why a button that starts work is greyed out while a job runs.
inline constexpr const char* kBusyReason = "Wait for the running job, or cancel it in the status bar";
// A button that is greyed out and does nothing when `enabled` is false; its tooltip says why.
bool ButtonIf(bool enabled, const char* label, const char* why_not = nullptr);
// Opens the modal `id` once when `*request` is set (then clears it); centres it; returns BeginPopupModal's
// result (call ImGui::EndPopup when true).
bool BeginDialog(const char* id, bool* request);

// Toolbars that wrap instead of clipping in a narrow window: call before an item `width` pixels wide (not
// the first of a row); it stays on the row when it fits, else it starts the next row.
void SameLineOrWrap(float width);
// Puts the keyboard focus on the next item (a text field: the cursor in it). ImGui 1.90.1's
// SetKeyboardFocusHere does nothing from a child window the focus is not already in (its focus scope stays the
// old window's), so this focuses the current window first.
void FocusNextItem();
// The width of a button labelled `label` (for SameLineOrWrap).
float ButtonWidth(const char* label);
// `text` cut to fit in `width` pixels with "…" at the end (whole characters); unchanged when it fits.
std::string FitText(const std::string& text, float width);

}  // namespace ui

// Reader view: one document's metadata, its full text with the searched query's hits highlighted, and
// previous/next hit buttons that scroll to a hit. Update finds the hits (app::AppState::reader_hits); the
// panel only lays the text out in wrapped lines (cached) and draws the visible ones.
// The text can be selected as in a browser (drag; double-click a word; triple-click or the context menu for
// a sentence; Ctrl+A or "Select all") and copied (Ctrl+C, the Copy button, the context menu). The selection
// is app::AppState::reader_selection (bytes); word and sentence extents are found in Update (app::WordAt).
// With a topic model on show that has the document (app::TopicsState::reader, filled by Update), each word
// the model kept gets its topic's colour as a background (ui::SeriesColor, as in the Topics view) and a bar
// shows the document's topic mix with a legend; a checkbox turns the colouring off.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/app_state.h"
#include "ui/text_layout.h"

namespace ui {

struct ReaderPanel {
    void Draw(app::AppState& state);

    // Names a topic of the shown model by its likeliest words (the Topics panel's; unset or "": "topic N").
    std::function<const std::string&(int)> topic_name;

private:
    void Layout(const app::AppState& state, float wrap_width);
    void DrawToolbar(app::AppState& state);
    void DrawText(app::AppState& state);
    // The document's topic mix (a bar and a legend of its main topics) and the colouring toggle.
    void DrawTopicMix(app::AppState& state);
    // Mouse and keyboard on the text: `origin` is where line 0 starts on screen, `line_h` a line's height.
    void HandleSelection(app::AppState& state, ImVec2 origin, float line_h);
    uint32_t ByteAt(const app::AppState& state, ImVec2 origin, float line_h, ImVec2 mouse) const;

    // Wrapped lines of the text, for the document, width and font they were laid out for.
    std::vector<TextLine> lines;
    int64_t laid_out_id = 0;
    size_t laid_out_bytes = 0;
    float laid_out_width = 0, laid_out_font = 0;

    bool dragging = false;       // the left button went down on the text and is still down
    uint32_t menu_byte = 0;      // where the context menu was opened (its "Select sentence")

    bool colour_topics = true;   // words coloured by their topic (when the shown model has this document)
    // The legend's topics (largest share first) and their names (rebuilt each frame; kept to reuse memory).
    std::vector<int> legend_topics;
    std::vector<std::string> legend_names;
};

}  // namespace ui

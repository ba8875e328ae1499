// Reader view: one document's metadata, its full text with the searched query's hits highlighted, and
// previous/next hit buttons that scroll to a hit. Update finds the hits (app::AppState::reader_hits); the
// panel only lays the text out in wrapped lines (cached) and draws the visible ones.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "app/app_state.h"

namespace ui {

struct ReaderPanel {
    void Draw(app::AppState& state);

private:
    void Layout(const app::AppState& state, float wrap_width);
    void DrawText(app::AppState& state);

    // Wrapped lines of the text (byte ranges), for the document, width and font they were laid out for.
    std::vector<std::pair<uint32_t, uint32_t>> lines;
    int64_t laid_out_id = 0;
    size_t laid_out_bytes = 0;
    float laid_out_width = 0, laid_out_font = 0;
};

}  // namespace ui

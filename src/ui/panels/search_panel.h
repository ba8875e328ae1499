// Search view: the query box (query language, help, exact case, errors), the match count, charts of
// documents, occurrences or occurrences per million words per year and per source or metadata field (a click
// filters to that year or source), and ranked documents with highlighted snippets. The search itself runs in app::Update when the query, options or filter change.
#pragma once
#include <cstdint>
#include <vector>

#include "app/app_state.h"

namespace ui {

struct SearchPanel {
    bool focus_query = true;   // put the cursor in the box when the view first shows

    void Draw(app::AppState& state);

private:
    void DrawCharts(app::AppState& state);

    // The charts' arrays, refilled each frame from the last results (kept to reuse their memory)
    std::vector<double> year_x, year_y;
    std::vector<const store::KeyCount*> year_count;   // the counts behind each year's bar
    std::vector<uint32_t> group_order;                // groups by the measure, largest first
    std::vector<double> group_y;
};

}  // namespace ui

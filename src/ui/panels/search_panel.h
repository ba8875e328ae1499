// Search view: the query box (query language, help, exact case, errors), the match count, bar charts of
// matches per year and per source (a click filters to that year or source), and ranked documents with
// highlighted snippets. The search itself runs in app::Update when the query, options or filter change.
#pragma once
#include "app/app_state.h"

namespace ui {

struct SearchPanel {
    bool focus_query = true;   // put the cursor in the box when the view first shows

    void Draw(app::AppState& state);
};

}  // namespace ui

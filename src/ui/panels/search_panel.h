// Search view: a query box and ranked documents with highlighted snippets. (The query language, charts and
// filters come with the full Search view.)
#pragma once
#include "app/app_state.h"

namespace ui {

struct SearchPanel {
    char query_buffer[256] = "";
    bool focus_query = true;   // put the cursor in the box when the view first shows

    void Draw(app::AppState& state);
};

}  // namespace ui

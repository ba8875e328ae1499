// The query box Search and Concordance share: it edits state.query (so both views show one query), with a "?"
// popover of the query language (docs/QUERIES.md), an "Exact case" checkbox and the parser's error under it.
#pragma once
#include "app/app_state.h"

namespace ui {

// Draws the box; `name` prefixes the widget rectangles recorded for tests ("search" → "search.query",
// "search.help", "search.exact", "search.error"). `focus` puts the cursor in the box (and is cleared).
void QueryBox(app::AppState& state, const char* name, bool* focus);

// The query language's table and examples, with the open corpus's field filters (the "?" popover; also the
// Help menu's window).
void DrawQueryHelp(const app::AppState& state);

}  // namespace ui

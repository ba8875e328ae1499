// Concordance view: every hit of the query as a keyword-in-context line in the mono font, aligned on the hit,
// virtualised, with a column naming each line's document and year, sortable by up to three context keys,
// filterable by a nearby word, with a dispersion plot (ui/chart.h: a strip per document, a mark per hit,
// following the filter). The build and the sorts are jobs (app/concordance_job.h); this
// panel shows the lines so far, sets the requests in AppState and opens the Reader at a clicked line.
#pragma once
#include <string>

#include "app/app_state.h"

struct ImFont;

namespace ui {

struct ConcordancePanel {
    bool focus_query = false;
    int width_chars = 0;        // the slider's value while dragged (0: take state.kwic_width_chars)
    std::string filter;         // the context-word box

    void Draw(app::AppState& state, ImFont* mono);

private:
    void DrawToolbar(app::AppState& state);
    void DrawDispersion(app::AppState& state, const app::KwicSession& session, const analysis::Concordance& kwic);
    void DrawLines(app::AppState& state, const app::KwicSession& session, ImFont* mono);
};

}  // namespace ui

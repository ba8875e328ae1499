// SearchPanel: query box, match count, hits. The search itself runs in app::Update when the query changed.
#include "ui/panels/search_panel.h"

#include <algorithm>

#include <imgui.h>

#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

void SearchPanel::Draw(app::AppState& state) {
    ImGui::SetNextItemWidth(std::min(40.0f * ImGui::GetFontSize(), ImGui::GetContentRegionAvail().x));
    if (focus_query) { ImGui::SetKeyboardFocusHere(); focus_query = false; }
    ImGui::InputTextWithHint("##query", "Search: type words, e.g. strasse, сергей, cafe, ΣΟΦΙΑ", query_buffer,
                             sizeof query_buffer);
    RecordItemRect(state, "search.query");
    state.query = query_buffer;

    if (state.results.match.empty()) {
        MutedTextWrapped("Words are matched in a folded form: case, ligatures, full-width letters and ß/ss do not "
                         "matter, so СЕРГЕЙ finds «Сергей» and strasse finds «Straße». All words must occur.");
        return;
    }
    ImGui::Text("%lld of %zu documents match", static_cast<long long>(state.results.document_count),
                state.documents.size());
    RecordItemRect(state, "search.count");
    ImGui::Spacing();
    ImGui::BeginChild("hits");
    for (size_t i = 0; i < state.results.hits.size(); ++i) {
        const store::SearchHit& hit = state.results.hits[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().accent);
        if (ImGui::Selectable(hit.title.c_str()))
            app::OpenInReader(state, hit.doc_id);
        ImGui::PopStyleColor();
        HighlightedTextWrapped(hit.snippet);
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace ui

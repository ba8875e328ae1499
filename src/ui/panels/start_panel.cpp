// StartPanel: shipped corpora as cards, Open files / Paste, and the stored corpora.
#include "ui/panels/start_panel.h"

#include <algorithm>

#include <imgui.h>

#include "core/number_text.h"
#include "ui/corpus_dialogs.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

void StartPanel::Draw(app::AppState& state, CorpusDialogs& dialogs, ImFont* heading) {
    const float em = ImGui::GetFontSize();
    if (!state.storage_ready) {
        MutedTextWrapped("Opening the corpora kept in this browser…");
        return;
    }
    ImGui::PushFont(heading);
    ImGui::TextUnformatted("Open a corpus");
    ImGui::PopFont();
    MutedTextWrapped("Everything runs in this page: nothing you open or import leaves your computer. Corpora are "
                     "kept in this browser's storage and are here again when you come back.");
    ImGui::Spacing();

    const bool busy = state.jobs.Busy() || !state.fetching.empty();
    const float card_width = std::min(26 * em, ImGui::GetContentRegionAvail().x);
    for (const app::ShippedCorpus& shipped : app::ShippedCorpora()) {
        ImGui::PushID(shipped.id);
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_width);
        ImGui::TextUnformatted(shipped.name);
        MutedTextWrapped(shipped.description);
        ImGui::PopTextWrapPos();
        if (ButtonIf(!busy, "Open", kBusyReason)) app::OpenShipped(state, shipped.id);
        RecordItemRect(state, (std::string("start.") + shipped.id).c_str());
        ImGui::EndGroup();
        ImGui::PopID();
        ImGui::Spacing();
        ImGui::Spacing();
    }

    ImGui::Separator();
    ImGui::Spacing();
    ImGui::TextUnformatted("Bring your own");
    if (ButtonIf(!busy, "Open files…")) {
        state.picker_target = app::ImportTarget::NewCorpus;
        state.request_file_picker = true;
    }
    RecordItemRect(state, "start.open_files");
    ImGui::SameLine();
    if (ButtonIf(!busy, "Paste text…")) dialogs.open_paste = true;
    RecordItemRect(state, "start.paste");
    MutedTextWrapped("Text, Markdown, HTML, CSV/TSV, JSON Lines, a zip of them, any of them gzipped — or drop files and folders "
                     "anywhere on this page.");

    if (!state.corpora.empty()) {
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
        ImGui::TextUnformatted("Kept in this browser");
        for (const app::StoredCorpus& c : state.corpora) {
            ImGui::PushID(c.path.c_str());
            if (ImGui::Selectable(c.name.c_str(), false, 0, ImVec2(card_width, 0)) && !busy) app::OpenStoredCorpus(state, c.path);
            ImGui::SameLine();
            ImGui::TextDisabled("%s", core::CountText(c.documents, "document").c_str());
            ImGui::PopID();
        }
    }
}

}  // namespace ui

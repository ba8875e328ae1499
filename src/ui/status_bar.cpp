// StatusBar: one row; jobs are drawn right-aligned, newest running job first.
#include "ui/status_bar.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "core/number_text.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

void StatusBar::Draw(app::AppState& state) {
    const std::vector<app::JobInfo> jobs = state.jobs.Snapshot();
    state.widgets.erase("job.cancel");
    state.widgets.erase("job.progress");
    const float full_width = ImGui::GetContentRegionAvail().x;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(app::StatusLine(state).c_str());

    // Snapshot lists running jobs first, then ended ones newest first: so this is the oldest running job, or
    // else the outcome of the last one, which stays until another job starts.
    if (jobs.empty()) return;
    const app::JobInfo* shown = &jobs.front();

    const float bar_width = 14.0f * ImGui::GetFontSize();
    const float cancel_width = ImGui::CalcTextSize("Cancel").x + 2 * ImGui::GetStyle().FramePadding.x;
    if (shown->state == app::JobState::Running) {
        std::string label = shown->name + (shown->phase.empty() ? "" : " — " + shown->phase);
        float label_width = ImGui::CalcTextSize(label.c_str()).x;
        float x = full_width - label_width - bar_width - cancel_width - 2 * ImGui::GetStyle().ItemSpacing.x;
        ImGui::SameLine(std::max(x, ImGui::GetCursorPosX()));
        ImGui::TextUnformatted(label.c_str());
        ImGui::SameLine();
        float fraction = shown->total > 0 ? static_cast<float>(shown->done) / static_cast<float>(shown->total) : 0.0f;
        char overlay[64];
        if (shown->total > 0) std::snprintf(overlay, sizeof overlay, "%s / %s", core::CountText(shown->done).c_str(),
                                            core::CountText(shown->total).c_str());
        else std::snprintf(overlay, sizeof overlay, "working…");
        ImGui::ProgressBar(fraction, ImVec2(bar_width, 0), overlay);
        RecordItemRect(state, "job.progress");
        ImGui::SameLine();
        ImGui::PushID(static_cast<int>(shown->id));
        if (ImGui::Button("Cancel")) state.jobs.Cancel(shown->id);
        RecordItemRect(state, "job.cancel");
        ImGui::PopID();
    } else {
        std::string text = shown->name + ": " + app::JobStateName(shown->state);
        if (!shown->message.empty()) text += " — " + shown->message;
        float width = ImGui::CalcTextSize(text.c_str()).x;
        ImGui::SameLine(std::max(full_width - width, ImGui::GetCursorPosX()));
        ImGui::PushStyleColor(ImGuiCol_Text, shown->state == app::JobState::Failed ? CurrentPalette().error
                                                                                   : CurrentPalette().muted);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace ui

// StatusBar: one row; jobs are drawn right-aligned, newest running job first. The job's part is measured
// first and the status line gets the rest of the row, cut short with "…" (whole in its tooltip) when it
// does not fit, so the two never overlap however narrow the window.
#include "ui/status_bar.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "core/number_text.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// `text` as it is drawn in at most `width` pixels, with a tooltip of the whole text when it was cut.
void TextFitted(const std::string& text, float width) {
    const std::string shown = FitText(text, width);
    ImGui::TextUnformatted(shown.c_str());
    if (shown != text && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

}  // namespace

void StatusBar::Draw(app::AppState& state) {
    const std::vector<app::JobInfo> jobs = state.jobs.Snapshot();
    state.widgets.erase("job.cancel");
    state.widgets.erase("job.progress");
    state.widgets.erase("status.job");
    const ImGuiStyle& style = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();
    const float left = ImGui::GetCursorPosX();
    const float full_width = ImGui::GetContentRegionAvail().x;

    // Snapshot lists running jobs first, then ended ones newest first: so this is the oldest running job, or
    // else the outcome of the last one, which stays until another job starts.
    const app::JobInfo* shown = jobs.empty() ? nullptr : &jobs.front();
    const bool running = shown && shown->state == app::JobState::Running;
    const float bar_width = std::min(14.0f * em, full_width * 0.25f);
    const float cancel_width = ButtonWidth("Cancel");
    std::string job_text;
    if (shown && running) job_text = shown->name + (shown->phase.empty() ? "" : " — " + shown->phase);
    else if (shown) job_text = shown->name + ": " + app::JobStateName(shown->state) + (shown->message.empty() ? "" : " — " + shown->message);
    // The job's part takes what it needs up to 60% of the row (its text is cut first); the status line the rest.
    const float controls = running ? bar_width + cancel_width + 2 * style.ItemSpacing.x : 0.0f;
    const float job_text_width = shown ? std::min(ImGui::CalcTextSize(job_text.c_str()).x,
                                                  std::max(full_width * 0.6f - controls, 4 * em)) : 0.0f;
    const float job_width = shown ? job_text_width + controls : 0.0f;
    const float gap = shown ? 2 * em : 0.0f;

    ImGui::AlignTextToFramePadding();
    TextFitted(app::StatusLine(state), std::max(full_width - job_width - gap, 0.0f));
    RecordItemRect(state, "status.line");
    if (!shown) return;

    ImGui::SameLine(left + full_width - job_width);
    ImGui::BeginGroup();
    if (running) {
        TextFitted(job_text, job_text_width);
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
        ImGui::PushStyleColor(ImGuiCol_Text, shown->state == app::JobState::Failed ? CurrentPalette().error
                                                                                   : CurrentPalette().muted);
        TextFitted(job_text, job_text_width);
        ImGui::PopStyleColor();
    }
    ImGui::EndGroup();
    RecordItemRect(state, "status.job");
}

}  // namespace ui

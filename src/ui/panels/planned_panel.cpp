// PlannedPanel: the description of a view to come.
#include "ui/panels/planned_panel.h"

#include <algorithm>

#include <imgui.h>

#include "ui/widgets.h"

namespace ui {

void PlannedPanel::Draw(app::AppState&) {
    ImGui::Spacing();
    ImGui::PushTextWrapPos(std::min(ImGui::GetContentRegionAvail().x, 46.0f * ImGui::GetFontSize()));
    ImGui::TextUnformatted(what);
    ImGui::Spacing();
    MutedTextWrapped("This view is not built yet.");
    ImGui::PopTextWrapPos();
}

}  // namespace ui

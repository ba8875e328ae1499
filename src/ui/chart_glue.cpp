// HandleChart: a chart's exports and test-API facts (see chart_glue.h).
#include "ui/chart_glue.h"

#include <cstdio>
#include <string>

namespace ui {

namespace {

// A rectangle in screen coordinates as the test API's CSS-pixel rectangle (ImGui draws in CSS pixels).
app::WidgetRect Rect(ImVec2 min, ImVec2 max) { return {min.x, min.y, max.x - min.x, max.y - min.y}; }

}  // namespace

void HandleChart(app::AppState& state, const char* name, const char* file_stem, const ChartResult& result) {
    const std::string n = name;
    state.widgets[n] = Rect(result.chart_min, result.chart_max);
    state.widgets[n + ".plot"] = Rect(result.plot_min, result.plot_max);
    state.widgets[n + ".svg"] = Rect(result.svg_button_min, result.svg_button_max);
    state.widgets[n + ".png"] = Rect(result.png_button_min, result.png_button_max);
    char range[64];
    std::snprintf(range, sizeof range, "%g %g", result.x_min, result.x_max);
    state.ui_text[n + ".x"] = range;
    std::snprintf(range, sizeof range, "%g %g", result.y_min, result.y_max);
    state.ui_text[n + ".y"] = range;
    if (!result.tooltip.empty()) state.ui_text[n + ".tooltip"] = result.tooltip;
    else state.ui_text.erase(n + ".tooltip");
    if (result.export_format == ChartExport::Svg)
        app::RequestDownload(state, std::string(file_stem) + ".svg", "image/svg+xml", result.svg);
    else if (result.export_format == ChartExport::Png)
        app::RequestPngDownload(state, std::string(file_stem) + ".png", result.svg, state.device_pixel_ratio);
}

}  // namespace ui

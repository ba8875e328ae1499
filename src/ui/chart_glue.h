// Between the chart kit (ui/chart.h, which knows nothing of the app) and the app: a chart's export buttons
// become downloads (app::RequestDownload for SVG, app::RequestPngDownload for PNG), and its rectangles,
// axis range and tooltip are recorded for the test API.
#pragma once
#include "app/app_state.h"
#include "ui/chart.h"

namespace ui {

// After EndChart: records `name` (the chart), `name.plot`, `name.svg`, `name.png` in state.widgets and
// ui_text[`name.x`] = "MIN MAX" (the x axis at the plot's edges), `name.y` likewise and ui_text[`name.tooltip`] while a tooltip
// shows; saves an export as `file_stem`.svg or .png.
void HandleChart(app::AppState& state, const char* name, const char* file_stem, const ChartResult& result);

}  // namespace ui

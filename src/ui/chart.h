// The chart kit: every chart in the app (Search's per-year and per-group charts, the Concordance's
// dispersion plot, the Topics view's map, lines, areas and heat map; later Words and Compare) is drawn by these calls, on ImGui's draw list, with ImPlot's
// grammar. It draws real axes (numbers, years or categories, with labelled ticks and the unit in the axis
// label), shows the exact value of what the mouse is over, and writes the same chart as SVG (or has the
// platform rasterise that SVG into a PNG). It knows nothing of the app: what a click or an export means is
// the caller's business (ui/chart_glue.h turns them into subcorpus filters and downloads).
//
//     if (ui::BeginChart("Occurrences per year##years", ImVec2(-1, 12 * em))) {
//         ui::SetupAxes("year", "occurrences of «war»", ui::AxisKind::Year, ui::AxisKind::Linear);
//         ui::PlotBars("occurrences", years.data(), counts.data(), n, 0.8);   // your arrays, read until EndChart
//         ui::ChartResult r = ui::EndChart();
//         if (r.clicked) FilterToYear(years[r.item_index]);
//     }
//
// Call order:  BeginChart → SetupAxes → [SetupAxisLimits] [SetupAxisCategories] → Plot* … → EndChart.
// BeginChart returns false when the chart is entirely clipped (scrolled away); then call nothing else, as
// with ImGui::BeginChild's contents. Only one chart is open at a time.
//
// Data stays in the caller's arrays: Plot* keep pointers and read them in EndChart (so they must stay alive
// and unchanged until then), which lays the chart out once it knows every item's extent. Nothing is copied
// per point, so a plot of 100,000 marks costs a pass over them, and marks that fall on the same device
// pixel are drawn once.
//
// Axes. Linear: numbers, ticks at 1, 2 or 5 × 10^k, labelled with thousands separators. Year: integers
// written without separators ("1861"), ticks at whole years (1, 2, 5, 10, 20, 25, 50 … apart). Category:
// one row (y) or slot (x) per index 0 … count-1, labelled by a callback that is asked only for the rows on
// screen. Unless SetupAxisLimits says otherwise, a linear or year axis spans the data, and a value axis of
// bars starts at 0 and ends at the first tick at or above the largest bar. A category y axis with more rows
// than fit scrolls with the mouse wheel (ChartRows tells a caller which rows to plot, like ImGuiListClipper).
//
// Each chart has, on its title row, "SVG" and "PNG" buttons; EndChart reports a press in ChartResult
// (with the SVG text of the whole chart, every row included).
//
// Several series: SetNextColor gives the next Plot* call its colour (else each takes the next of
// SeriesColor's), and a chart with two or more labelled series (a label not starting with "##") draws a
// legend between its title and its plot, a swatch and the label for each, wrapping into rows.
//
//     ui::SetNextColor(ui::SeriesColor(topic));                          // the topic's colour everywhere
//     ui::PlotShaded("war", years, stack_below, stack_above, n);         // one band of stacked areas
//     ui::PlotScatter("topics", x, y, k, {.sizes = shares, .label = [&](int i) { return std::to_string(i + 1); }});
//     ui::PlotHeatmap("correlation", r, k, k, -1, 1);                    // on two category axes
#pragma once
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

namespace ui {

enum class AxisKind { Linear, Year, Category };
enum class ChartAxis { X, Y };

// What happened to a chart this frame (returned by EndChart).
enum class ChartExport { None, Svg, Png };
struct ChartResult {
    int item = -1;             // the item (Plot* call, counted from 0) the mouse is over, -1 none
    int item_index = -1;       // … and the point, bar or row in it (an index into the caller's arrays / rows)
    bool clicked = false;      // that point was clicked (left button)
    std::string tooltip;       // the tooltip shown for it ("" none); add lines with ImGui::BeginTooltip
    double x_min = 0, x_max = 1;   // the x axis's range at the plot's left and right edges (data units)
    double y_min = 0, y_max = 1;   // the y axis's range at the plot's bottom and top edges (not for categories)
    ChartExport export_format = ChartExport::None;   // the user pressed SVG or PNG
    std::string svg;           // the whole chart as an SVG document, filled when export_format is not None
    ImVec2 svg_size;           // its size in CSS pixels
    // Rectangles in screen coordinates, for the test API: the whole chart, the plot area, the buttons.
    ImVec2 chart_min, chart_max, plot_min, plot_max, svg_button_min, svg_button_max, png_button_min, png_button_max;
};

// Starts a chart of `size` (CSS pixels; x ≤ 0 takes the available width, y ≤ 0 a default height). `title`
// is shown on the chart's title row and heads the SVG; text after "##" is only the id, as in ImGui.
bool BeginChart(const char* title, ImVec2 size);

// The axes' kinds and labels. Put the unit in the label ("occurrences per million words", "position in the
// document (%)"): tooltips repeat it next to the exact value. A null label draws none.
void SetupAxes(const char* x_label, const char* y_label, AxisKind x_kind = AxisKind::Linear,
               AxisKind y_kind = AxisKind::Linear);
// Fixes an axis's range instead of fitting it to the data.
void SetupAxisLimits(ChartAxis axis, double min, double max);
// A category axis's size and labels: `label(i)` names category i (asked only for what is drawn or exported).
void SetupAxisCategories(ChartAxis axis, int count, std::function<std::string(int)> label);
// Decimal places for a linear axis's values in tooltips (ticks choose their own from their spacing).
void SetupAxisDecimals(ChartAxis axis, int decimals);

// Vertical bars centred at xs[i], from 0 up to ys[i], `width` in x units (0.8 of a year leaves a gap between
// years; years missing from xs are gaps). With a category x axis xs are category indices.
void PlotBars(const char* label, const double* xs, const double* ys, int count, double width = 0.8);
// Horizontal bars, one per row of a category y axis: bar i is category i, from 0 to values[i].
void PlotBarsH(const char* label, const double* values, int count);
// A polyline through (xs[i], ys[i]); a NaN y breaks it (a gap).
void PlotLine(const char* label, const double* xs, const double* ys, int count);
// A row of marks on a category y axis (a dispersion strip): a short vertical mark at x = positions[i] ×
// `scale` for each i, on row `row`. Tooltips say "<row label>: <count> <label>".
void PlotStrip(const char* label, int row, const uint32_t* positions, int count, double scale);

// Circles at (xs[i], ys[i]): sized by area (`sizes`, any positive unit: the largest gets `max_radius`), each
// its own colour or the series', a short label centred in it, `selected` outlined. Hovering a circle (the
// smallest under the mouse) reports it; its tooltip says the label and the coordinates.
struct ScatterStyle {
    const double* sizes = nullptr;            // per point, proportional to the circle's area (null: all equal)
    float max_radius = 0;                     // CSS pixels of the largest circle (0: 1.8 em)
    const ImU32* colors = nullptr;            // per point (null: the series colour)
    std::function<std::string(int)> label;    // drawn in the circle ("" or null: none)
    int selected = -1;                        // drawn with a thick outline
};
void PlotScatter(const char* label, const double* xs, const double* ys, int count, const ScatterStyle& style = {});
// The band between ys_low[i] and ys_high[i] over xs (a stacked area is a band from the series below's top to
// its own). A NaN in either breaks the band (a gap). Tooltips give ys_high − ys_low, the band's own value.
void PlotShaded(const char* label, const double* xs, const double* ys_low, const double* ys_high, int count);
// A rows × cols grid of cells on two category axes (call SetupAxisCategories for both: rows on y, columns on
// x), values row-major, coloured on a diverging scale from `min` (blue) through the middle (the background) to
// `max` (red), with a colour bar at the right. NaN cells are left empty. Tooltips: "row × column: value".
void PlotHeatmap(const char* label, const double* values, int rows, int cols, double min, double max);
// The colour of the next Plot* call (ImU32; 0: the series' own from SeriesColor).
void SetNextColor(ImU32 color);

// The rows of the category y axis to plot this frame: [*first, *last). All of them when exporting; otherwise
// those on screen. Call after SetupAxisCategories.
void ChartRows(int* first, int* last);

// Lays out and draws the chart, handles hover, click and export. Call only when BeginChart returned true.
ChartResult EndChart();

// ---- Colours and small charts ------------------------------------------------------------------------------

// Series colour `index` of a categorical palette readable on the current theme's background (light or dark):
// 10 distinct hues, then the same hues lighter or darker, cycling. Topics use SeriesColor(topic) everywhere
// (list, map, lines, the Reader's words), so a topic keeps its colour.
ImU32 SeriesColor(int index);
// The diverging scale PlotHeatmap uses: t in [−1, 1] → blue … background … red.
ImU32 DivergingColor(double t);

// A sparkline: `count` values as a tiny line in a box of `size` (no axes, no export), for table cells. NaN
// values are gaps. The y range is [min, max] (both NaN: the data's own). Returns the index under the mouse
// (-1 none), so the caller can show its exact value.
int Sparkline(const char* id, const double* ys, int count, ImVec2 size, ImU32 color, double min = NAN, double max = NAN);

// ---- Axis maths (no ImGui; public for tests and for callers that label things alike) -----------------------

// Tick values for an axis spanning [min, max]: at most `max_ticks` (≥ 2) evenly spaced "nice" values inside
// the range (1, 2 or 5 × 10^k apart; for years whole numbers 1, 2, 5, 10, 20, 25, 50, 100 … apart).
struct AxisTicks {
    std::vector<double> values;
    double step = 0;
    int decimals = 0;          // places a label needs to tell ticks apart (0 for years and steps ≥ 1)
};
AxisTicks NiceTicks(double min, double max, int max_ticks, AxisKind kind);
// A tick or value as the axis writes it: years as plain integers, other numbers with thousands separators.
std::string AxisValueText(double value, AxisKind kind, int decimals);
// The first tick value at or above `max` for an axis from 0 (so bars end inside a labelled range).
double NiceCeiling(double max, int max_ticks);

// ---- SVG (public for tests) ---------------------------------------------------------------------------------

// What a chart is made of, in chart coordinates (CSS pixels from its top-left corner): drawn on the screen
// and written to SVG from the same list.
struct ChartPrimitive {
    enum class Kind { Rect, Line, Text, Circle, Band } kind = Kind::Rect;
    ImVec2 a, b;               // Rect: corners; Line: ends; Text: the anchor (left, centre or right of the top);
                               // Circle: a the centre, b.x the radius
    ImU32 color = 0;           // fill (Rect, Circle, Band), stroke (Line), text colour (Text)
    ImU32 stroke = 0;          // Circle: its outline (0: none), `thickness` wide
    std::vector<ImVec2> points;   // Band: the top edge left to right, then the bottom edge left to right (n + n)
    float thickness = 1;       // Line
    int align = -1;            // Text: -1 left, 0 centre, 1 right of `a`
    std::string text;
};
// An SVG document (width × height CSS pixels) drawing `primitives` over `background`, text in `font_px`
// DejaVu Sans whose baseline is `ascent_px` below a text's top. Text is escaped; colours keep their alpha.
std::string ChartSvg(const std::vector<ChartPrimitive>& primitives, ImVec2 size, ImU32 background, float font_px,
                     float ascent_px, const std::string& title);

}  // namespace ui

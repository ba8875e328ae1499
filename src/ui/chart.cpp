// The chart kit (see chart.h): the open chart's setup and items, the layout EndChart computes from them, the
// primitives drawn on the screen and written to SVG from one list, hover, click and wheel handling.
#include "ui/chart.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <imgui_internal.h>   // SetItemKeyOwner: the wheel scrolls a chart's rows, not the window under it

#include "core/number_text.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {

struct Item {
    enum class Kind { Bars, BarsH, Line, Strip, Scatter, Shaded, Heatmap } kind = Kind::Bars;
    std::string label;
    const double* xs = nullptr;
    const double* ys = nullptr;           // Shaded: the top edge; Heatmap: the cells, row-major
    const double* ys_low = nullptr;       // Shaded: the bottom edge
    const uint32_t* positions = nullptr;
    int count = 0;
    double width = 0.8;   // Bars
    int row = 0;          // Strip
    double scale = 1;     // Strip
    ImU32 color = 0;      // SetNextColor's; 0: resolved in EndChart (the accent alone, else SeriesColor)
    ScatterStyle scatter;
    int rows = 0, cols = 0;          // Heatmap
    double min = -1, max = 1;        // Heatmap's scale
};

// The label as shown: the part before "##".
std::string VisibleLabel(const std::string& label) {
    const size_t hash = label.find("##");
    return hash == std::string::npos ? label : label.substr(0, hash);
}

struct Axis {
    AxisKind kind = AxisKind::Linear;
    std::string label;
    bool fixed = false;
    double min = 0, max = 1;
    int categories = 0;
    std::function<std::string(int)> category_label;
    int decimals = -1;    // tooltips; -1: as many as the value needs (0 or 2)
};

// The chart between BeginChart and EndChart. One at a time (asserted); file scope like ImPlot's context, so
// the Plot* calls need no handle.
struct OpenChart {
    bool open = false;
    std::string title;
    ImVec2 origin, size;
    Axis axes[2];
    std::vector<Item> items;
    bool plot_hovered = false, plot_clicked = false;
    ChartExport export_format = ChartExport::None;
    ImVec2 svg_min, svg_max, png_min, png_max;
    ImGuiID rows_id = 0;      // where the first row shown is kept (the window's state storage)
    int first_row = 0, shown_rows = 0;
    ImU32 next_color = 0;     // SetNextColor's, for the next Plot* call
};

OpenChart g_chart;

Axis& AxisOf(ChartAxis axis) { return g_chart.axes[axis == ChartAxis::X ? 0 : 1]; }

// ---- layout -------------------------------------------------------------------------------------------------

// Sizes that depend on the font, in CSS pixels.
struct Metrics {
    float line = 0;       // text line height
    float em = 0;
    float title = 0;      // the title row (a frame: it holds the export buttons)
    float tick = 4;       // tick mark length
    float row = 0;        // a category row
};

Metrics CurrentMetrics() {
    Metrics m;
    m.em = ImGui::GetFontSize();
    m.line = ImGui::GetTextLineHeight();
    m.title = ImGui::GetFrameHeight();
    m.row = std::max(m.line * 1.15f, 10.0f);
    return m;
}

// Where the plot area sits in the chart, and the rows of a category y axis it shows.
struct Layout {
    ImVec2 size;                  // the chart (CSS pixels)
    ImVec2 plot_min, plot_max;    // chart coordinates
    float row_h = 0;              // category y rows
    int first_row = 0, rows = 0;  // rows drawn: [first_row, first_row + rows)
    bool scrolls = false;         // more rows than fit
};

// The legend: a swatch and a label per labelled series, when there are two or more, flowing in rows.
struct LegendEntry {
    std::string label;
    ImU32 color = 0;
    ImVec2 at;            // chart coordinates of the swatch's top-left
};

std::vector<LegendEntry> LegendLayout(const Metrics& m, float width, float top, float* height) {
    std::vector<LegendEntry> entries;
    for (const Item& item : g_chart.items) {
        const std::string label = VisibleLabel(item.label);
        const bool one_colour = !(item.kind == Item::Kind::Scatter && item.scatter.colors) && item.kind != Item::Kind::Heatmap &&
                                item.kind != Item::Kind::Strip;
        if (!label.empty() && one_colour) entries.push_back({label, item.color, ImVec2()});
    }
    *height = 0;
    if (entries.size() < 2) return {};
    const float swatch = 0.8f * m.em, gap = 0.35f * m.em, spacing = 1.1f * m.em;
    float x = 0, y = top;
    for (LegendEntry& e : entries) {
        const float w = swatch + gap + std::min(ImGui::CalcTextSize(e.label.c_str()).x, width * 0.5f);
        if (x > 0 && x + w > width) { x = 0; y += m.line; }
        e.at = ImVec2(x, y);
        x += w + spacing;
    }
    *height = y + m.line - top;
    return entries;
}

float LegendTop(const Metrics& m) { return m.title + (g_chart.axes[1].label.empty() ? 0.0f : m.line); }

float TopOfPlot(const Metrics& m, float width) {
    float legend = 0;
    LegendLayout(m, width, 0, &legend);
    return LegendTop(m) + legend + 0.4f * m.line;
}

float BelowPlot(const Metrics& m) {
    return m.tick + m.line + (g_chart.axes[0].label.empty() ? 0.0f : m.line) + 0.2f * m.line;
}

const Item* HeatmapItem() {
    for (const Item& item : g_chart.items)
        if (item.kind == Item::Kind::Heatmap) return &item;
    return nullptr;
}

// Every `stride`-th category is labelled where a label per category would not fit (a heat map's rows and
// columns: every cell stays on show, with its exact value on hover).
int LabelStride(float label_extent, float slot) {
    return std::max(1, static_cast<int>(std::ceil(label_extent / std::max(slot, 0.5f))));
}

// The vertical layout: for a category y axis, how tall a row is and how many fit (`all_rows`: every row,
// the chart growing to hold them, as an export does). A heat map's rows all fit: they get thinner instead of
// scrolling (a matrix cut off at the bottom hides half of what it is for).
void VerticalLayout(Layout& l, const Metrics& m, bool all_rows) {
    const Axis& y = g_chart.axes[1];
    l.size = g_chart.size;
    l.plot_min.y = TopOfPlot(m, l.size.x);
    l.plot_max.y = l.size.y - BelowPlot(m);
    if (y.kind != AxisKind::Category) return;
    const int n = std::max(y.categories, 0);
    const float available = std::max(l.plot_max.y - l.plot_min.y, m.row);
    // Few rows share the height (up to 1.6 lines each); many get m.row each and scroll.
    const float min_row = HeatmapItem() ? std::min(m.row, 3.0f) : m.row;
    l.row_h = n > 0 ? std::clamp(available / static_cast<float>(n), min_row, m.line * 1.6f) : m.row;
    const int fit = std::max(1, static_cast<int>(available / l.row_h));
    if (all_rows || n <= fit) {
        l.first_row = 0;
        l.rows = n;
        if (all_rows && n > fit) {
            l.plot_max.y = l.plot_min.y + static_cast<float>(n) * l.row_h;
            l.size.y = l.plot_max.y + BelowPlot(m);
        }
        return;
    }
    l.scrolls = true;
    l.rows = fit;
    l.first_row = std::clamp(g_chart.first_row, 0, n - fit);
}

// The data's extent on an axis (what SetupAxisLimits would fix); false when no item spans it.
bool DataExtent(int axis, double* lo, double* hi) {
    bool any = false;
    double a = 0, b = 0;
    auto take = [&](double v) {
        if (!std::isfinite(v)) return;
        if (!any) { a = b = v; any = true; }
        a = std::min(a, v);
        b = std::max(b, v);
    };
    for (const Item& item : g_chart.items) {
        if (item.kind == Item::Kind::Bars) {
            for (int i = 0; i < item.count; ++i) {
                if (axis == 0) { take(item.xs[i] - item.width / 2); take(item.xs[i] + item.width / 2); }
                else { take(0); take(item.ys[i]); }
            }
        } else if (item.kind == Item::Kind::BarsH && axis == 0) {
            for (int i = 0; i < item.count; ++i) { take(0); take(item.xs[i]); }
        } else if (item.kind == Item::Kind::Line || item.kind == Item::Kind::Scatter) {
            for (int i = 0; i < item.count; ++i) take(axis == 0 ? item.xs[i] : item.ys[i]);
        } else if (item.kind == Item::Kind::Shaded) {
            for (int i = 0; i < item.count; ++i) {
                if (axis == 0) { take(item.xs[i]); continue; }
                take(item.ys_low[i]);
                take(item.ys[i]);
            }
        }
    }
    *lo = a;
    *hi = b;
    return any;
}

bool HasBars(int value_axis) {
    for (const Item& item : g_chart.items)
        if ((item.kind == Item::Kind::Bars && value_axis == 1) || (item.kind == Item::Kind::BarsH && value_axis == 0))
            return true;
    return false;
}

// An axis's range as drawn: fixed, categories, a value axis of bars from 0 to a nice ceiling, years with half
// a year on each side, or the data's extent.
void AxisRange(int index, int max_ticks, double* lo, double* hi) {
    const Axis& axis = g_chart.axes[index];
    if (axis.fixed) { *lo = axis.min; *hi = axis.max; return; }
    if (axis.kind == AxisKind::Category) { *lo = -0.5; *hi = std::max(axis.categories, 1) - 0.5; return; }
    double a = 0, b = 1;
    if (!DataExtent(index, &a, &b)) { a = 0; b = 1; }
    if (HasBars(index)) {
        *lo = 0;
        *hi = NiceCeiling(std::max(b, 0.0), max_ticks);
        return;
    }
    if (axis.kind == AxisKind::Year) { a = std::round(a) - 0.5; b = std::round(b) + 0.5; }   // whole years
    if (b <= a) { a -= 1; b += 1; }
    *lo = a;
    *hi = b;
}

std::string CategoryText(const Axis& axis, int i) {
    return axis.category_label ? axis.category_label(i) : std::to_string(i);
}

// The value in a tooltip: exact integers as integers, else `decimals` places (2 unless the axis says).
std::string ValueText(const Axis& axis, double value) {
    if (axis.kind == AxisKind::Year) return AxisValueText(value, AxisKind::Year, 0);
    int decimals = axis.decimals >= 0 ? axis.decimals : (value == std::floor(value) ? 0 : 2);
    return core::DecimalText(value, decimals);
}

// ---- building the primitives ----------------------------------------------------------------------------------

struct Colors {
    ImU32 text, muted, axis, grid, bar, hovered, background;
};

Colors CurrentColors() {
    const Palette& p = CurrentPalette();
    return {ImGui::GetColorU32(ImGuiCol_Text), p.muted, ImGui::GetColorU32(ImGuiCol_Border),
            ImGui::GetColorU32(ImGuiCol_Border, 0.45f), p.accent, p.highlight, ImGui::GetColorU32(ImGuiCol_WindowBg)};
}

// Everything EndChart needs to draw or export a layout: the primitives, and the mappings for hit testing.
struct Built {
    std::vector<ChartPrimitive> prims;
    Layout layout;
    double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 1;
    float XToPx(double x) const {
        return layout.plot_min.x + static_cast<float>((x - x_lo) / (x_hi - x_lo)) * (layout.plot_max.x - layout.plot_min.x);
    }
    float YToPx(double y) const {
        return layout.plot_max.y - static_cast<float>((y - y_lo) / (y_hi - y_lo)) * (layout.plot_max.y - layout.plot_min.y);
    }
    double PxToX(float px) const {
        return x_lo + (px - layout.plot_min.x) / (layout.plot_max.x - layout.plot_min.x) * (x_hi - x_lo);
    }
    // The top of category row `row` (which must be among those drawn).
    float RowTop(int row) const { return layout.plot_min.y + static_cast<float>(row - layout.first_row) * layout.row_h; }
};

void AddText(Built& b, float x, float y, ImU32 color, std::string text, int align) {
    b.prims.push_back({.kind = ChartPrimitive::Kind::Text, .a = ImVec2(x, y), .color = color, .align = align,
                       .text = std::move(text)});
}

void AddRect(Built& b, ImVec2 a, ImVec2 c, ImU32 color) {
    b.prims.push_back({.kind = ChartPrimitive::Kind::Rect, .a = a, .b = c, .color = color});
}

void AddLine(Built& b, ImVec2 a, ImVec2 c, ImU32 color, float thickness) {
    b.prims.push_back({.kind = ChartPrimitive::Kind::Line, .a = a, .b = c, .color = color, .thickness = thickness});
}

void AddCircle(Built& b, ImVec2 centre, float radius, ImU32 fill, ImU32 stroke, float thickness) {
    b.prims.push_back({.kind = ChartPrimitive::Kind::Circle, .a = centre, .b = ImVec2(radius, 0), .color = fill,
                       .stroke = stroke, .thickness = thickness});
}

// `color` with its alpha multiplied by `alpha`.
ImU32 WithAlpha(ImU32 color, float alpha) {
    const unsigned a = (color >> IM_COL32_A_SHIFT) & 0xFF;
    return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(static_cast<float>(a) * alpha + 0.5f) << IM_COL32_A_SHIFT);
}

// A scatter's largest circle in CSS pixels, and each point's radius.
float MaxRadius(const Item& item, const Metrics& m) {
    return item.scatter.max_radius > 0 ? item.scatter.max_radius : 1.8f * m.em;
}
float PointRadius(const Item& item, const Metrics& m, int i) {
    const float largest = MaxRadius(item, m);
    if (!item.scatter.sizes) return largest * 0.5f;
    double top = 0;
    for (int k = 0; k < item.count; ++k) top = std::max(top, item.scatter.sizes[k]);
    if (!(top > 0) || !(item.scatter.sizes[i] > 0)) return 2.0f;
    return std::max(2.0f, largest * static_cast<float>(std::sqrt(item.scatter.sizes[i] / top)));   // area ∝ size
}

std::string HeatText(double v) { return core::DecimalText(v, std::fabs(v) < 10 ? 2 : 0); }

// Lays the chart out and lists its primitives (`all_rows`: every category row, for an export).
// `hovered_item`/`hovered_index` get the highlight colour.
Built Build(const Metrics& m, const Colors& c, bool all_rows, int hovered_item, int hovered_index) {
    Built b;
    Layout& l = b.layout;
    VerticalLayout(l, m, all_rows);
    const Axis& xa = g_chart.axes[0];
    const Axis& ya = g_chart.axes[1];
    const float pad = 0.3f * m.em;

    // The y axis: ticks (value axes) or row labels (categories) decide the left margin.
    const float plot_h = std::max(l.plot_max.y - l.plot_min.y, 1.0f);
    AxisTicks y_ticks;
    std::vector<std::string> y_labels;
    float label_w = 0;
    if (ya.kind == AxisKind::Category) {
        for (int r = l.first_row; r < l.first_row + l.rows; ++r) {
            y_labels.push_back(CategoryText(ya, r));
            label_w = std::max(label_w, ImGui::CalcTextSize(y_labels.back().c_str()).x);
        }
        label_w = std::min(label_w, 0.38f * l.size.x);
    } else {
        const int max_ticks = std::max(2, static_cast<int>(plot_h / (m.line * 1.6f)) + 1);
        AxisRange(1, max_ticks, &b.y_lo, &b.y_hi);
        y_ticks = NiceTicks(b.y_lo, b.y_hi, max_ticks, ya.kind);
        for (double v : y_ticks.values) {
            y_labels.push_back(AxisValueText(v, ya.kind, y_ticks.decimals));
            label_w = std::max(label_w, ImGui::CalcTextSize(y_labels.back().c_str()).x);
        }
    }
    // The x axis: as many ticks as fit their labels side by side; the last label, centred on the right edge
    // at most, must fit inside the chart.
    double x_lo = 0, x_hi = 1;
    AxisRange(0, 12, &x_lo, &x_hi);
    const std::string widest = AxisValueText(std::max(std::fabs(x_lo), std::fabs(x_hi)), xa.kind, 2);
    const float widest_w = ImGui::CalcTextSize(widest.c_str()).x;
    const float x_label_w = widest_w + 1.5f * m.em;
    l.plot_min.x = label_w + pad + m.tick;
    const Item* heat = HeatmapItem();
    float colour_bar_w = 0;   // the heat map's scale at the right
    if (heat)
        colour_bar_w = 1.6f * m.em + std::max(ImGui::CalcTextSize(HeatText(heat->min).c_str()).x,
                                             ImGui::CalcTextSize(HeatText(heat->max).c_str()).x);
    l.plot_max.x = l.size.x - (l.scrolls ? 0.5f * m.em : 0.0f) - std::max(0.8f * m.em, widest_w / 2 + 2) - colour_bar_w;
    if (l.plot_max.x < l.plot_min.x + 10) l.plot_max.x = l.plot_min.x + 10;
    const float plot_w = l.plot_max.x - l.plot_min.x;
    const int x_max_ticks = std::max(2, static_cast<int>(plot_w / x_label_w));
    AxisRange(0, x_max_ticks, &b.x_lo, &b.x_hi);
    if (b.x_hi <= b.x_lo) b.x_hi = b.x_lo + 1;
    if (b.y_hi <= b.y_lo) b.y_hi = b.y_lo + 1;
    // Circles stay inside the plot: the data's extent widens by the largest radius on each side.
    float radius = 0;
    for (const Item& item : g_chart.items)
        if (item.kind == Item::Kind::Scatter) radius = std::max(radius, MaxRadius(item, m) + 2);
    auto pad_range = [&](double* lo, double* hi, float px) {
        const float f = std::min(radius / std::max(px, 1.0f), 0.3f);
        const double span = *hi - *lo, extra = span * f / (1 - 2 * f);
        *lo -= extra;
        *hi += extra;
    };
    if (radius > 0 && !xa.fixed && xa.kind != AxisKind::Category) pad_range(&b.x_lo, &b.x_hi, plot_w);
    if (radius > 0 && !ya.fixed && ya.kind != AxisKind::Category) pad_range(&b.y_lo, &b.y_hi, plot_h);

    // Title and axis labels.
    // On screen the title stops before the export buttons; an export has no buttons.
    const float title_w = all_rows ? l.size.x : g_chart.svg_min.x - g_chart.origin.x - m.em * 0.5f;
    AddText(b, 0, (m.title - m.line) / 2, c.text, FitText(g_chart.title, std::max(title_w, m.em)), -1);
    if (!ya.label.empty()) AddText(b, 0, m.title, c.muted, FitText(ya.label, l.size.x), -1);
    float legend_h = 0;
    for (const LegendEntry& e : LegendLayout(m, l.size.x, LegendTop(m), &legend_h)) {
        const float swatch = 0.8f * m.em;
        AddRect(b, ImVec2(e.at.x, e.at.y + (m.line - swatch) / 2), ImVec2(e.at.x + swatch, e.at.y + (m.line + swatch) / 2), e.color);
        AddText(b, e.at.x + swatch + 0.35f * m.em, e.at.y, c.text, FitText(e.label, l.size.x * 0.5f), -1);
    }
    const float x_ticks_top = l.plot_max.y + m.tick;
    if (!xa.label.empty()) {   // centred under the plot, or under the chart when wider than the plot
        const std::string label = FitText(xa.label, l.size.x);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        const float centre = std::clamp((l.plot_min.x + l.plot_max.x) / 2, w / 2, l.size.x - w / 2);
        AddText(b, centre, x_ticks_top + m.line, c.muted, label, 0);
    }

    // Value grid and y ticks.
    if (ya.kind != AxisKind::Category) {
        for (size_t i = 0; i < y_ticks.values.size(); ++i) {
            const float y = b.YToPx(y_ticks.values[i]);
            AddLine(b, ImVec2(l.plot_min.x, y), ImVec2(l.plot_max.x, y), c.grid, 1);
            AddLine(b, ImVec2(l.plot_min.x - m.tick, y), ImVec2(l.plot_min.x, y), c.axis, 1);
            AddText(b, l.plot_min.x - m.tick - 2, y - m.line / 2, c.muted, y_labels[i], 1);
        }
    } else {
        const int stride = LabelStride(ImGui::GetFontSize(), l.row_h);   // glyphs touching, never overlapping
        for (size_t i = 0; i < y_labels.size(); ++i) {
            const int row = l.first_row + static_cast<int>(i);
            if (row % stride != 0) continue;
            const float top = b.RowTop(row);
            AddText(b, 0, top + (l.row_h - m.line) / 2, c.text, FitText(y_labels[i], label_w), -1);
        }
    }
    // X ticks: numbers and years; categories label each slot.
    if (xa.kind == AxisKind::Category) {
        const float slot = plot_w / static_cast<float>(std::max(xa.categories, 1));
        float widest_category = 0;
        for (int i = 0; i < xa.categories; ++i)
            widest_category = std::max(widest_category, ImGui::CalcTextSize(CategoryText(xa, i).c_str()).x);
        // Numbers (topic 1…K) are thinned; words are cut to their slot only when a few would not fit at all.
        const int stride = std::min(LabelStride(widest_category + 0.5f * m.em, slot),
                                    std::max(1, xa.categories / 4));
        for (int i = 0; i < xa.categories; i += stride) {
            const float x = b.XToPx(i);
            AddText(b, x, x_ticks_top, c.muted, FitText(CategoryText(xa, i), slot * static_cast<float>(stride)), 0);
        }
    } else {
        const AxisTicks x_ticks = NiceTicks(b.x_lo, b.x_hi, x_max_ticks, xa.kind);
        for (double v : x_ticks.values) {
            const float x = b.XToPx(v);
            if (xa.kind == AxisKind::Linear && ya.kind == AxisKind::Category)
                AddLine(b, ImVec2(x, l.plot_min.y), ImVec2(x, l.plot_max.y), c.grid, 1);
            AddLine(b, ImVec2(x, l.plot_max.y), ImVec2(x, l.plot_max.y + m.tick), c.axis, 1);
            AddText(b, x, x_ticks_top, c.muted, AxisValueText(v, xa.kind, x_ticks.decimals), 0);
        }
    }

    // Items.
    const float row_inset = std::max(1.0f, l.row_h * 0.15f);
    for (size_t k = 0; k < g_chart.items.size(); ++k) {
        const Item& item = g_chart.items[k];
        const bool this_item = static_cast<int>(k) == hovered_item;
        switch (item.kind) {
        case Item::Kind::Bars:
            for (int i = 0; i < item.count; ++i) {
                float x0 = b.XToPx(item.xs[i] - item.width / 2), x1 = b.XToPx(item.xs[i] + item.width / 2);
                if (x1 - x0 < 1) { const float mid = (x0 + x1) / 2; x0 = mid - 0.5f; x1 = mid + 0.5f; }
                if (!(item.ys[i] > 0)) continue;   // nothing (or NaN: no data) to draw
                const float y0 = b.YToPx(item.ys[i]), y1 = b.YToPx(0);
                AddRect(b, ImVec2(x0, std::min(y0, y1 - 1)), ImVec2(x1, y1),
                        this_item && i == hovered_index ? c.hovered : item.color);
            }
            break;
        case Item::Kind::BarsH:
            for (int r = l.first_row; r < std::min(l.first_row + l.rows, item.count); ++r) {
                if (item.xs[r] <= 0) continue;
                const float top = b.RowTop(r) + row_inset, bottom = b.RowTop(r) + l.row_h - row_inset;
                AddRect(b, ImVec2(b.XToPx(0), top), ImVec2(std::max(b.XToPx(item.xs[r]), b.XToPx(0) + 1), bottom),
                        this_item && r == hovered_index ? c.hovered : item.color);
            }
            break;
        case Item::Kind::Line: {
            bool have = false;
            ImVec2 last;
            for (int i = 0; i < item.count; ++i) {
                if (!std::isfinite(item.ys[i])) { have = false; continue; }
                const ImVec2 p(b.XToPx(item.xs[i]), b.YToPx(item.ys[i]));
                if (have) AddLine(b, last, p, item.color, this_item ? 2.5f : 1.5f);
                else if (i + 1 >= item.count || !std::isfinite(item.ys[i + 1]))   // a lone point between gaps
                    AddCircle(b, p, 1.5f, item.color, 0, 0);
                last = p;
                have = true;
            }
            if (this_item && hovered_index >= 0 && hovered_index < item.count && std::isfinite(item.ys[hovered_index]))
                AddCircle(b, ImVec2(b.XToPx(item.xs[hovered_index]), b.YToPx(item.ys[hovered_index])), 3.5f, item.color,
                          c.background, 1.5f);
            break;
        }
        case Item::Kind::Scatter:
            for (int i = 0; i < item.count; ++i) {
                if (!std::isfinite(item.xs[i]) || !std::isfinite(item.ys[i])) continue;
                const ImVec2 centre(b.XToPx(item.xs[i]), b.YToPx(item.ys[i]));
                const float r = PointRadius(item, m, i);
                const ImU32 fill = item.scatter.colors ? item.scatter.colors[i] : item.color;
                const bool selected = i == item.scatter.selected, hovered = this_item && i == hovered_index;
                AddCircle(b, centre, r, WithAlpha(fill, hovered || selected ? 0.85f : 0.55f),
                          selected ? c.text : WithAlpha(fill, 1.0f), selected ? 2.5f : hovered ? 2.0f : 1.0f);
            }
            for (int i = 0; i < item.count && item.scatter.label; ++i) {   // labels over every circle
                if (!std::isfinite(item.xs[i]) || !std::isfinite(item.ys[i])) continue;
                const std::string text = item.scatter.label(i);
                if (text.empty()) continue;
                AddText(b, b.XToPx(item.xs[i]), b.YToPx(item.ys[i]) - m.line / 2, c.text, text, 0);
            }
            break;
        case Item::Kind::Shaded: {
            // Runs of points where both edges are numbers, each one band.
            ChartPrimitive band{.kind = ChartPrimitive::Kind::Band, .color = WithAlpha(item.color, this_item ? 0.95f : 0.8f)};
            std::vector<ImVec2> bottom;
            auto flush = [&] {
                if (band.points.size() >= 2) {
                    band.points.insert(band.points.end(), bottom.begin(), bottom.end());
                    b.prims.push_back(band);
                }
                band.points.clear();
                bottom.clear();
            };
            for (int i = 0; i < item.count; ++i) {
                if (!std::isfinite(item.ys[i]) || !std::isfinite(item.ys_low[i])) { flush(); continue; }
                const float x = b.XToPx(item.xs[i]);
                band.points.push_back(ImVec2(x, b.YToPx(item.ys[i])));
                bottom.push_back(ImVec2(x, b.YToPx(item.ys_low[i])));
            }
            flush();
            if (this_item && hovered_index >= 0 && hovered_index < item.count)
                AddLine(b, ImVec2(b.XToPx(item.xs[hovered_index]), b.YToPx(item.ys[hovered_index])),
                        ImVec2(b.XToPx(item.xs[hovered_index]), b.YToPx(item.ys_low[hovered_index])), c.text, 1.5f);
            break;
        }
        case Item::Kind::Heatmap: {
            const int last_row = std::min(l.first_row + l.rows, item.rows);
            for (int r = l.first_row; r < last_row; ++r) {
                const float top = b.RowTop(r);
                for (int col = 0; col < item.cols; ++col) {
                    const double v = item.ys[static_cast<size_t>(r) * static_cast<size_t>(item.cols) + static_cast<size_t>(col)];
                    if (!std::isfinite(v)) continue;
                    const double mid = (item.min + item.max) / 2, half = std::max((item.max - item.min) / 2, 1e-12);
                    AddRect(b, ImVec2(b.XToPx(col - 0.5), top), ImVec2(b.XToPx(col + 0.5), top + l.row_h),
                            DivergingColor(std::clamp((v - mid) / half, -1.0, 1.0)));
                }
            }
            if (this_item && hovered_index >= 0) {   // the hovered cell outlined
                const int r = hovered_index / std::max(item.cols, 1), col = hovered_index % std::max(item.cols, 1);
                if (r >= l.first_row && r < last_row) {
                    const float x0 = b.XToPx(col - 0.5), x1 = b.XToPx(col + 0.5), y0 = b.RowTop(r), y1 = y0 + l.row_h;
                    AddLine(b, ImVec2(x0, y0), ImVec2(x1, y0), c.text, 1.5f);
                    AddLine(b, ImVec2(x1, y0), ImVec2(x1, y1), c.text, 1.5f);
                    AddLine(b, ImVec2(x1, y1), ImVec2(x0, y1), c.text, 1.5f);
                    AddLine(b, ImVec2(x0, y1), ImVec2(x0, y0), c.text, 1.5f);
                }
            }
            // The colour bar: the scale from max (top) to min (bottom) in 24 steps, labelled at both ends and
            // the middle.
            const float bx = l.plot_max.x + std::max(0.8f * m.em, widest_w / 2 + 2), bw = 0.7f * m.em;
            const float top = l.plot_min.y, height = std::max(l.plot_max.y - l.plot_min.y, 1.0f);
            const int steps = 24;
            for (int k = 0; k < steps; ++k) {
                const double t = 1.0 - 2.0 * (k + 0.5) / steps;
                AddRect(b, ImVec2(bx, top + height * k / steps), ImVec2(bx + bw, top + height * (k + 1) / steps), DivergingColor(t));
            }
            const double mid = (item.min + item.max) / 2;
            AddText(b, bx + bw + 0.3f * m.em, top, c.muted, HeatText(item.max), -1);
            AddText(b, bx + bw + 0.3f * m.em, top + height / 2 - m.line / 2, c.muted, HeatText(mid), -1);
            AddText(b, bx + bw + 0.3f * m.em, top + height - m.line, c.muted, HeatText(item.min), -1);
            break;
        }
        case Item::Kind::Strip: {
            if (item.row < l.first_row || item.row >= l.first_row + l.rows) break;
            const float top = b.RowTop(item.row);
            AddRect(b, ImVec2(l.plot_min.x, top + 1), ImVec2(l.plot_max.x, top + l.row_h - 1),
                    this_item ? c.hovered : c.grid);
            // Marks on the same pixel column are drawn once.
            int last_px = -1;
            for (int i = 0; i < item.count; ++i) {
                const float x = b.XToPx(item.positions[i] * item.scale);
                const int px = static_cast<int>(std::floor(x));
                if (px == last_px) continue;
                last_px = px;
                AddRect(b, ImVec2(x - 0.75f, top + row_inset), ImVec2(x + 0.75f, top + l.row_h - row_inset), item.color);
            }
            break;
        }
        }
    }
    // Axis lines on top of the bars' bases.
    AddLine(b, ImVec2(l.plot_min.x, l.plot_min.y), ImVec2(l.plot_min.x, l.plot_max.y), c.axis, 1);
    AddLine(b, ImVec2(l.plot_min.x, l.plot_max.y), ImVec2(l.plot_max.x, l.plot_max.y), c.axis, 1);
    return b;
}

// What the mouse (chart coordinates) is over: an item and an index, or false.
bool HitTest(const Built& b, ImVec2 mouse, int* item_out, int* index_out) {
    const Layout& l = b.layout;
    if (mouse.x < l.plot_min.x - 2 || mouse.x > l.plot_max.x + 2 || mouse.y < l.plot_min.y || mouse.y > l.plot_max.y)
        return false;
    const Axis& xa = g_chart.axes[0];
    int row = -1;
    if (g_chart.axes[1].kind == AxisKind::Category && l.row_h > 0)
        row = l.first_row + static_cast<int>((mouse.y - l.plot_min.y) / l.row_h);
    const double x = b.PxToX(mouse.x);
    const double px_per_x = (l.plot_max.x - l.plot_min.x) / (b.x_hi - b.x_lo);
    for (int k = static_cast<int>(g_chart.items.size()) - 1; k >= 0; --k) {
        const Item& item = g_chart.items[static_cast<size_t>(k)];
        switch (item.kind) {
        case Item::Kind::Bars: {
            // A bar's column: its slot (a whole year or category, so a year without a bar is never taken for
            // its neighbour); on a linear axis its width, at least 3 pixels.
            // Bars side by side in a slot (narrower than 0.8) are told apart by their own width.
            const double half = xa.kind == AxisKind::Linear ? std::max(item.width / 2, 3.0 / px_per_x)
                                : item.width < 0.8             ? item.width / 2
                                                               : std::max(0.5, item.width / 2);
            int best = -1;
            double best_d = half;
            for (int i = 0; i < item.count; ++i) {
                const double d = std::fabs(item.xs[i] - x);
                if (d <= best_d && std::isfinite(item.ys[i])) { best = i; best_d = d; }
            }
            if (best >= 0) { *item_out = k; *index_out = best; return true; }
            break;
        }
        case Item::Kind::BarsH:
            if (row >= 0 && row < item.count) { *item_out = k; *index_out = row; return true; }
            break;
        case Item::Kind::Strip:
            if (row == item.row) { *item_out = k; *index_out = row; return true; }
            break;
        case Item::Kind::Line:
            break;   // below: the line nearest the mouse
        case Item::Kind::Scatter: {
            // The smallest circle under the mouse (a small topic inside a big one stays reachable).
            const Metrics m = CurrentMetrics();
            int best = -1;
            float best_r = 0;
            for (int i = 0; i < item.count; ++i) {
                if (!std::isfinite(item.xs[i]) || !std::isfinite(item.ys[i])) continue;
                const float dx = mouse.x - b.XToPx(item.xs[i]), dy = mouse.y - b.YToPx(item.ys[i]);
                const float r = std::max(PointRadius(item, m, i), 5.0f);
                if (dx * dx + dy * dy <= r * r && (best < 0 || r < best_r)) { best = i; best_r = r; }
            }
            if (best >= 0) { *item_out = k; *index_out = best; return true; }
            break;
        }
        case Item::Kind::Shaded: {
            int best = -1;
            double best_d = 0;
            for (int i = 0; i < item.count; ++i) {
                const double d = std::fabs(item.xs[i] - x);
                if (best < 0 || d < best_d) { best = i; best_d = d; }
            }
            if (best < 0 || !std::isfinite(item.ys[best]) || !std::isfinite(item.ys_low[best]) || best_d * px_per_x > 12) break;
            const float top = b.YToPx(item.ys[best]), bottom = b.YToPx(item.ys_low[best]);
            if (mouse.y >= top - 1 && mouse.y <= bottom + 1) { *item_out = k; *index_out = best; return true; }
            break;
        }
        case Item::Kind::Heatmap: {
            const int col = static_cast<int>(std::floor(x + 0.5));
            if (row >= 0 && row < item.rows && col >= 0 && col < item.cols) {
                *item_out = k;
                *index_out = row * item.cols + col;
                return true;
            }
            break;
        }
        }
    }
    // Lines: the point nearest the mouse's x (within 8 pixels) on the line nearest the mouse's y.
    int best_item = -1, best_index = -1;
    float best_dy = 0;
    for (int k = 0; k < static_cast<int>(g_chart.items.size()); ++k) {
        const Item& item = g_chart.items[static_cast<size_t>(k)];
        if (item.kind != Item::Kind::Line) continue;
        int best = -1;
        double best_d = 8.0 / px_per_x;
        for (int i = 0; i < item.count; ++i) {
            if (!std::isfinite(item.ys[i])) continue;
            const double d = std::fabs(item.xs[i] - x);
            if (d <= best_d) { best = i; best_d = d; }
        }
        if (best < 0) continue;
        const float dy = std::fabs(b.YToPx(item.ys[best]) - mouse.y);
        if (best_item < 0 || dy < best_dy) { best_item = k; best_index = best; best_dy = dy; }
    }
    if (best_item < 0) return false;
    *item_out = best_item;
    *index_out = best_index;
    return true;
}

// The tooltip for a hovered point: where it is, then the exact value with the axis's unit.
std::string ShowTooltip(int item_index, int index) {
    const Item& item = g_chart.items[static_cast<size_t>(item_index)];
    const Axis& xa = g_chart.axes[0];
    const Axis& ya = g_chart.axes[1];
    std::string where, value;
    switch (item.kind) {
    case Item::Kind::Bars:
    case Item::Kind::Line:
    case Item::Kind::Shaded: {
        where = xa.kind == AxisKind::Category ? CategoryText(xa, static_cast<int>(std::lround(item.xs[index])))
                                              : ValueText(xa, item.xs[index]);
        // With several series the series names itself; alone, the axis label (with its unit) does.
        const bool several = g_chart.items.size() > 1 && !VisibleLabel(item.label).empty();
        const double v = item.kind == Item::Kind::Shaded ? item.ys[index] - item.ys_low[index] : item.ys[index];
        value = (several || ya.label.empty() ? VisibleLabel(item.label) : ya.label) + ": " + ValueText(ya, v);
        break;
    }
    case Item::Kind::Scatter: {
        const std::string name = item.scatter.label ? item.scatter.label(index) : std::string();
        where = VisibleLabel(item.label) + (name.empty() ? " " + std::to_string(index + 1) : " " + name);
        value = (xa.label.empty() ? std::string("x") : xa.label) + ": " + ValueText(xa, item.xs[index]) + ", " +
                (ya.label.empty() ? std::string("y") : ya.label) + ": " + ValueText(ya, item.ys[index]);
        break;
    }
    case Item::Kind::Heatmap: {
        const int r = index / std::max(item.cols, 1), col = index % std::max(item.cols, 1);
        where = CategoryText(ya, r) + " × " + CategoryText(xa, col);
        value = VisibleLabel(item.label) + ": " + HeatText(item.ys[index]);
        break;
    }
    case Item::Kind::BarsH:
        where = CategoryText(ya, index);
        value = (xa.label.empty() ? item.label : xa.label) + ": " + ValueText(xa, item.xs[index]);
        break;
    case Item::Kind::Strip:
        where = CategoryText(ya, item.row);
        value = core::CountText(item.count) + " " + item.label;
        break;
    }
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(where.c_str());
    ImGui::TextUnformatted(value.c_str());
    ImGui::EndTooltip();
    return where + "\n" + value;
}

void Draw(const Built& b, ImVec2 origin) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec4 clip = draw->_ClipRectStack.back();
    for (const ChartPrimitive& p : b.prims) {
        const ImVec2 a(origin.x + p.a.x, origin.y + p.a.y), c(origin.x + p.b.x, origin.y + p.b.y);
        switch (p.kind) {
        case ChartPrimitive::Kind::Rect:
            if (c.y < clip.y || a.y > clip.w) continue;
            draw->AddRectFilled(a, c, p.color);
            break;
        case ChartPrimitive::Kind::Line:
            draw->AddLine(a, c, p.color, p.thickness);
            break;
        case ChartPrimitive::Kind::Circle:
            if (a.y + p.b.x < clip.y || a.y - p.b.x > clip.w) continue;
            draw->AddCircleFilled(a, p.b.x, p.color);
            if (p.stroke) draw->AddCircle(a, p.b.x, p.stroke, 0, p.thickness);
            break;
        case ChartPrimitive::Kind::Band: {
            // Quads between neighbouring points (each convex when the top is above the bottom, as in a stack).
            const size_t n = p.points.size() / 2;
            auto at = [&](size_t i) { return ImVec2(origin.x + p.points[i].x, origin.y + p.points[i].y); };
            for (size_t i = 0; i + 1 < n; ++i) draw->AddQuadFilled(at(i), at(i + 1), at(n + i + 1), at(n + i), p.color);
            break;
        }
        case ChartPrimitive::Kind::Text: {
            const float w = ImGui::CalcTextSize(p.text.c_str()).x;
            const float x = p.align < 0 ? a.x : p.align == 0 ? a.x - w / 2 : a.x - w;
            draw->AddText(ImVec2(std::floor(x), std::floor(a.y)), p.color, p.text.c_str());
            break;
        }
        }
    }
}

// Visible title: the part before "##".
std::string VisibleTitle(const char* title) {
    const char* hash = std::strstr(title, "##");
    return hash ? std::string(title, hash) : std::string(title);
}

std::string HexColor(ImU32 color) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", (color >> IM_COL32_R_SHIFT) & 0xFF, (color >> IM_COL32_G_SHIFT) & 0xFF,
                  (color >> IM_COL32_B_SHIFT) & 0xFF);
    return buf;
}

std::string Opacity(ImU32 color) {
    const unsigned alpha = (color >> IM_COL32_A_SHIFT) & 0xFF;
    if (alpha == 0xFF) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, " fill-opacity=\"%.3f\"", alpha / 255.0);
    return buf;
}

std::string Escape(const std::string& text) {
    std::string out;
    for (char ch : text) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += ch;
        }
    }
    return out;
}

std::string Num(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

}  // namespace

// ---- API ----------------------------------------------------------------------------------------------------

bool BeginChart(const char* title, ImVec2 size) {
    assert(!g_chart.open && "BeginChart: the previous chart was not ended");
    const Metrics m = CurrentMetrics();
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    if (size.y <= 0) size.y = 12 * m.em;
    size.x = std::max(size.x, 8 * m.em);
    size.y = std::max(size.y, m.title + 4 * m.line);

    OpenChart& c = g_chart;
    c = OpenChart();
    c.title = VisibleTitle(title);
    c.size = size;
    ImGui::PushID(title);
    c.origin = ImGui::GetCursorScreenPos();
    c.rows_id = ImGui::GetID("rows");
    c.first_row = ImGui::GetStateStorage()->GetInt(c.rows_id, 0);

    // The title row: the title is drawn with the chart; the export buttons are real buttons at its right.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float svg_w = ImGui::CalcTextSize("SVG").x + style.FramePadding.x * 2;
    const float png_w = ImGui::CalcTextSize("PNG").x + style.FramePadding.x * 2;
    const bool visible = ImGui::IsRectVisible(c.origin, ImVec2(c.origin.x + size.x, c.origin.y + size.y));
    if (!visible) {
        ImGui::Dummy(size);
        ImGui::PopID();
        return false;
    }
    ImGui::BeginGroup();   // the chart is one item to the layout (SameLine puts the next beside its top)
    ImGui::SetCursorScreenPos(ImVec2(c.origin.x + size.x - svg_w - png_w - style.ItemSpacing.x, c.origin.y));
    if (ImGui::Button("SVG")) c.export_format = ChartExport::Svg;
    c.svg_min = ImGui::GetItemRectMin();
    c.svg_max = ImGui::GetItemRectMax();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save this chart as an SVG image");
    ImGui::SameLine();
    if (ImGui::Button("PNG")) c.export_format = ChartExport::Png;
    c.png_min = ImGui::GetItemRectMin();
    c.png_max = ImGui::GetItemRectMax();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save this chart as a PNG image");

    // The rest of the chart is one item: hover, clicks and the wheel are the chart's.
    ImGui::SetCursorScreenPos(ImVec2(c.origin.x, c.origin.y + m.title));
    c.plot_clicked = ImGui::InvisibleButton("plot", ImVec2(size.x, size.y - m.title));
    c.plot_hovered = ImGui::IsItemHovered();
    c.open = true;
    return true;
}

void SetupAxes(const char* x_label, const char* y_label, AxisKind x_kind, AxisKind y_kind) {
    assert(g_chart.open);
    g_chart.axes[0].kind = x_kind;
    g_chart.axes[0].label = x_label ? x_label : "";
    g_chart.axes[1].kind = y_kind;
    g_chart.axes[1].label = y_label ? y_label : "";
}

void SetupAxisLimits(ChartAxis axis, double min, double max) {
    assert(g_chart.open);
    Axis& a = AxisOf(axis);
    a.fixed = true;
    a.min = min;
    a.max = max > min ? max : min + 1;
}

void SetupAxisCategories(ChartAxis axis, int count, std::function<std::string(int)> label) {
    assert(g_chart.open);
    Axis& a = AxisOf(axis);
    a.kind = AxisKind::Category;
    a.categories = std::max(count, 0);
    a.category_label = std::move(label);
}

void SetupAxisDecimals(ChartAxis axis, int decimals) {
    assert(g_chart.open);
    AxisOf(axis).decimals = decimals;
}

namespace {

// Adds an item with SetNextColor's colour (then forgotten, as ImPlot's SetNext* are).
void AddItem(Item item) {
    assert(g_chart.open);
    item.color = g_chart.next_color;
    g_chart.next_color = 0;
    g_chart.items.push_back(std::move(item));
}

}  // namespace

void SetNextColor(ImU32 color) {
    assert(g_chart.open);
    g_chart.next_color = color;
}

void PlotBars(const char* label, const double* xs, const double* ys, int count, double width) {
    AddItem({.kind = Item::Kind::Bars, .label = label, .xs = xs, .ys = ys, .count = count, .width = width > 0 ? width : 0.8});
}

void PlotBarsH(const char* label, const double* values, int count) {
    AddItem({.kind = Item::Kind::BarsH, .label = label, .xs = values, .count = count});
}

void PlotLine(const char* label, const double* xs, const double* ys, int count) {
    AddItem({.kind = Item::Kind::Line, .label = label, .xs = xs, .ys = ys, .count = count});
}

void PlotStrip(const char* label, int row, const uint32_t* positions, int count, double scale) {
    AddItem({.kind = Item::Kind::Strip, .label = label, .positions = positions, .count = count, .row = row, .scale = scale});
}

void PlotScatter(const char* label, const double* xs, const double* ys, int count, const ScatterStyle& style) {
    AddItem({.kind = Item::Kind::Scatter, .label = label, .xs = xs, .ys = ys, .count = count, .scatter = style});
}

void PlotShaded(const char* label, const double* xs, const double* ys_low, const double* ys_high, int count) {
    AddItem({.kind = Item::Kind::Shaded, .label = label, .xs = xs, .ys = ys_high, .ys_low = ys_low, .count = count});
}

void PlotHeatmap(const char* label, const double* values, int rows, int cols, double min, double max) {
    AddItem({.kind = Item::Kind::Heatmap, .label = label, .ys = values, .count = std::max(rows, 0) * std::max(cols, 0),
             .rows = std::max(rows, 0), .cols = std::max(cols, 0), .min = min, .max = max > min ? max : min + 1});
}

void ChartRows(int* first, int* last) {
    assert(g_chart.open);
    Layout l;
    VerticalLayout(l, CurrentMetrics(), g_chart.export_format != ChartExport::None);
    *first = l.first_row;
    *last = l.first_row + l.rows;
}

ChartResult EndChart() {
    assert(g_chart.open);
    OpenChart& chart = g_chart;
    const Metrics m = CurrentMetrics();
    const Colors colors = CurrentColors();
    ChartResult result;
    // Series without SetNextColor's colour: the accent when alone, else the palette in order.
    int auto_index = 0;
    for (Item& item : chart.items)
        if (item.color == 0) item.color = chart.items.size() == 1 ? colors.bar : SeriesColor(auto_index++);

    // The wheel scrolls the rows of a category axis that has more than fit.
    Layout rows;
    VerticalLayout(rows, m, false);
    if (rows.scrolls && chart.plot_hovered) {
        ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);
        const float wheel = ImGui::GetIO().MouseWheel;
        if (wheel != 0) {
            const int n = chart.axes[1].categories;
            chart.first_row = std::clamp(chart.first_row - static_cast<int>(wheel * 3), 0, std::max(0, n - rows.rows));
            ImGui::GetStateStorage()->SetInt(chart.rows_id, chart.first_row);
        }
    }
    Built shown = Build(m, colors, false, -1, -1);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int item = -1, index = -1;
    if (chart.plot_hovered &&
        HitTest(shown, ImVec2(mouse.x - chart.origin.x, mouse.y - chart.origin.y), &item, &index)) {
        result.item = item;
        result.item_index = index;
        result.clicked = chart.plot_clicked;
        shown = Build(m, colors, false, item, index);   // again, with the hovered bar highlighted
        result.tooltip = ShowTooltip(item, index);
    }
    Draw(shown, chart.origin);
    if (shown.layout.scrolls) {   // where the rows shown are among all of them
        const Layout& l = shown.layout;
        const int n = std::max(chart.axes[1].categories, 1);
        const float h = l.plot_max.y - l.plot_min.y;
        const float top = l.plot_min.y + h * static_cast<float>(l.first_row) / static_cast<float>(n);
        const float bottom = std::max(l.plot_min.y + h * static_cast<float>(l.first_row + l.rows) / static_cast<float>(n),
                                      top + 0.8f * m.em);   // a thumb big enough to see among hundreds of rows
        const float x = chart.origin.x + l.plot_max.x + 0.3f * m.em;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, chart.origin.y + top), ImVec2(x + 0.3f * m.em, chart.origin.y + bottom),
                                                  ImGui::GetColorU32(ImGuiCol_ScrollbarGrab), 2.0f);
    }

    result.chart_min = chart.origin;
    result.chart_max = ImVec2(chart.origin.x + chart.size.x, chart.origin.y + chart.size.y);
    result.plot_min = ImVec2(chart.origin.x + shown.layout.plot_min.x, chart.origin.y + shown.layout.plot_min.y);
    result.plot_max = ImVec2(chart.origin.x + shown.layout.plot_max.x, chart.origin.y + shown.layout.plot_max.y);
    result.svg_button_min = chart.svg_min;
    result.svg_button_max = chart.svg_max;
    result.png_button_min = chart.png_min;
    result.png_button_max = chart.png_max;
    result.x_min = shown.x_lo;
    result.x_max = shown.x_hi;
    result.y_min = shown.y_lo;
    result.y_max = shown.y_hi;
    result.export_format = chart.export_format;
    if (chart.export_format != ChartExport::None) {
        const Built all = Build(m, colors, true, -1, -1);
        const float ascent = ImGui::GetFont()->Ascent * ImGui::GetFontSize() / ImGui::GetFont()->FontSize;
        result.svg = ChartSvg(all.prims, all.layout.size, colors.background, m.em, ascent, chart.title);
        result.svg_size = all.layout.size;
    }
    chart.open = false;
    ImGui::EndGroup();
    ImGui::PopID();
    return result;
}

// ---- colours and sparklines ----------------------------------------------------------------------------------

namespace {

ImU32 Mix(ImU32 from, ImU32 to, float t) {
    auto channel = [&](int shift) {
        const float a = static_cast<float>((from >> shift) & 0xFF), b = static_cast<float>((to >> shift) & 0xFF);
        return static_cast<ImU32>(a + (b - a) * t + 0.5f) << shift;
    };
    return channel(IM_COL32_R_SHIFT) | channel(IM_COL32_G_SHIFT) | channel(IM_COL32_B_SHIFT) | (0xFFu << IM_COL32_A_SHIFT);
}

// Whether the applied theme is dark: its window background is.
bool DarkBackground() {
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    return 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z < 0.5f;
}

}  // namespace

ImU32 SeriesColor(int index) {
    // Tableau 10 (Maureen Stone's), distinct for the common kinds of colour blindness in its first few.
    static const ImU32 kBase[10] = {
        IM_COL32(78, 121, 167, 255), IM_COL32(242, 142, 43, 255), IM_COL32(225, 87, 89, 255),  IM_COL32(118, 183, 178, 255),
        IM_COL32(89, 161, 79, 255),  IM_COL32(237, 201, 72, 255), IM_COL32(176, 122, 161, 255), IM_COL32(255, 157, 167, 255),
        IM_COL32(156, 117, 95, 255), IM_COL32(186, 176, 172, 255)};
    index = std::max(index, 0);
    const ImU32 base = kBase[index % 10];
    const int round = (index / 10) % 3;
    const bool dark = DarkBackground();
    const ImU32 white = IM_COL32(255, 255, 255, 255), black = IM_COL32(0, 0, 0, 255);
    if (round == 0) return dark ? Mix(base, white, 0.12f) : base;
    if (round == 1) return dark ? Mix(base, white, 0.45f) : Mix(base, black, 0.32f);
    return dark ? Mix(base, black, 0.3f) : Mix(base, white, 0.45f);
}

ImU32 DivergingColor(double t) {
    const ImU32 middle = ImGui::GetColorU32(ImGuiCol_WindowBg);
    const ImU32 blue = IM_COL32(33, 102, 172, 255), red = IM_COL32(178, 24, 43, 255);   // ColorBrewer RdBu's ends
    if (!std::isfinite(t)) return middle;
    t = std::clamp(t, -1.0, 1.0);
    return t < 0 ? Mix(middle, blue, static_cast<float>(-t)) : Mix(middle, red, static_cast<float>(t));
}

int Sparkline(const char* id, const double* ys, int count, ImVec2 size, ImU32 color, double min, double max) {
    ImGui::PushID(id);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("spark", size);
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    if (count <= 0 || !ImGui::IsItemVisible()) return -1;
    if (!std::isfinite(min) || !std::isfinite(max)) {
        min = INFINITY;
        max = -INFINITY;
        for (int i = 0; i < count; ++i)
            if (std::isfinite(ys[i])) { min = std::min(min, ys[i]); max = std::max(max, ys[i]); }
        if (!std::isfinite(min)) return -1;
        min = std::min(min, 0.0);   // shares: from 0, so a flat topic looks flat, not noisy
    }
    if (max <= min) max = min + 1;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float pad = 1.5f;
    auto at = [&](int i) {
        const float x = origin.x + pad + (count > 1 ? (size.x - 2 * pad) * static_cast<float>(i) / static_cast<float>(count - 1) : size.x / 2);
        const float y = origin.y + size.y - pad - static_cast<float>((ys[i] - min) / (max - min)) * (size.y - 2 * pad);
        return ImVec2(x, y);
    };
    draw->AddLine(ImVec2(origin.x, origin.y + size.y - 0.5f), ImVec2(origin.x + size.x, origin.y + size.y - 0.5f),
                  ImGui::GetColorU32(ImGuiCol_Border, 0.6f));
    for (int i = 0; i + 1 < count; ++i)
        if (std::isfinite(ys[i]) && std::isfinite(ys[i + 1])) draw->AddLine(at(i), at(i + 1), color, 1.25f);
    if (!hovered) return -1;
    // The point nearest the mouse's x.
    const float t = (ImGui::GetIO().MousePos.x - origin.x - pad) / std::max(size.x - 2 * pad, 1.0f);
    const int index = std::clamp(static_cast<int>(std::lround(t * static_cast<float>(count - 1))), 0, count - 1);
    if (std::isfinite(ys[index])) draw->AddCircleFilled(at(index), 2.5f, color);
    return index;
}

// ---- axis maths ---------------------------------------------------------------------------------------------

namespace {

// Candidate tick steps in ascending order from about `from`: 1, 2, 5 × 10^k, and for years also 25 × 10^k
// (never below 1).
std::vector<double> StepsFrom(double from, AxisKind kind) {
    std::vector<double> steps;
    int k = static_cast<int>(std::floor(std::log10(std::max(from, 1e-12)))) - 1;
    if (kind != AxisKind::Linear) k = std::max(k, 0);
    for (int i = 0; i < 40; ++i, ++k) {
        const double p = std::pow(10.0, k);
        for (double f : {1.0, 2.0, 2.5, 5.0}) {
            if (f == 2.5 && (kind == AxisKind::Linear || k < 1)) continue;   // 25, 250 … for years only
            steps.push_back(f * p);
        }
    }
    return steps;
}

int TickCount(double min, double max, double step) {
    return static_cast<int>(std::floor(max / step + 1e-9) - std::ceil(min / step - 1e-9)) + 1;
}

}  // namespace

AxisTicks NiceTicks(double min, double max, int max_ticks, AxisKind kind) {
    AxisTicks ticks;
    max_ticks = std::max(max_ticks, 2);
    if (!std::isfinite(min) || !std::isfinite(max)) return ticks;
    if (max < min) std::swap(min, max);
    if (max == min) {
        ticks.values.push_back(kind == AxisKind::Linear ? min : std::round(min));
        ticks.step = 1;
        return ticks;
    }
    for (double step : StepsFrom((max - min) / max_ticks, kind)) {
        if (TickCount(min, max, step) > max_ticks) continue;
        ticks.step = step;
        break;
    }
    if (ticks.step == 0) return ticks;
    const double first = std::ceil(min / ticks.step - 1e-9);
    const int n = TickCount(min, max, ticks.step);
    for (int i = 0; i < n; ++i) {
        double v = (first + i) * ticks.step;
        if (std::fabs(v) < ticks.step * 1e-9) v = 0;
        ticks.values.push_back(v);
    }
    ticks.decimals = ticks.step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(ticks.step) - 1e-9));
    return ticks;
}

double NiceCeiling(double max, int max_ticks) {
    max_ticks = std::max(max_ticks, 2);
    if (!(max > 0) || !std::isfinite(max)) return 1;
    for (double step : StepsFrom(max / max_ticks, AxisKind::Linear)) {
        const double top = std::ceil(max / step - 1e-9) * step;
        if (TickCount(0, top, step) <= max_ticks) return top;
    }
    return max;
}

std::string AxisValueText(double value, AxisKind kind, int decimals) {
    if (kind == AxisKind::Year || kind == AxisKind::Category) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", std::round(value));
        return buf;
    }
    return core::DecimalText(value, decimals);
}

std::string ChartSvg(const std::vector<ChartPrimitive>& primitives, ImVec2 size, ImU32 background, float font_px,
                     float ascent_px, const std::string& title) {
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(size.x) + "\" height=\"" + Num(size.y) +
                      "\" viewBox=\"0 0 " + Num(size.x) + " " + Num(size.y) +
                      "\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"" + Num(font_px) + "\">\n";
    svg += "<title>" + Escape(title) + "</title>\n";
    svg += "<rect width=\"100%\" height=\"100%\" fill=\"" + HexColor(background) + "\"/>\n";
    for (const ChartPrimitive& p : primitives) {
        switch (p.kind) {
        case ChartPrimitive::Kind::Rect:
            svg += "<rect x=\"" + Num(p.a.x) + "\" y=\"" + Num(p.a.y) + "\" width=\"" + Num(p.b.x - p.a.x) + "\" height=\"" +
                   Num(p.b.y - p.a.y) + "\" fill=\"" + HexColor(p.color) + "\"" + Opacity(p.color) + "/>\n";
            break;
        case ChartPrimitive::Kind::Line: {
            std::string opacity = Opacity(p.color);
            if (!opacity.empty()) opacity.replace(1, 4, "stroke");   // fill-opacity → stroke-opacity
            svg += "<line x1=\"" + Num(p.a.x) + "\" y1=\"" + Num(p.a.y) + "\" x2=\"" + Num(p.b.x) + "\" y2=\"" + Num(p.b.y) +
                   "\" stroke=\"" + HexColor(p.color) + "\"" + opacity + " stroke-width=\"" + Num(p.thickness) + "\"/>\n";
            break;
        }
        case ChartPrimitive::Kind::Circle: {
            svg += "<circle cx=\"" + Num(p.a.x) + "\" cy=\"" + Num(p.a.y) + "\" r=\"" + Num(p.b.x) + "\" fill=\"" +
                   HexColor(p.color) + "\"" + Opacity(p.color);
            if (p.stroke) {
                std::string opacity = Opacity(p.stroke);
                if (!opacity.empty()) opacity.replace(1, 4, "stroke");
                svg += " stroke=\"" + HexColor(p.stroke) + "\"" + opacity + " stroke-width=\"" + Num(p.thickness) + "\"";
            }
            svg += "/>\n";
            break;
        }
        case ChartPrimitive::Kind::Band: {
            // The top edge left to right, then the bottom edge right to left: one closed outline.
            const size_t n = p.points.size() / 2;
            svg += "<polygon points=\"";
            for (size_t i = 0; i < 2 * n; ++i) {
                const ImVec2 q = i < n ? p.points[i] : p.points[n + (2 * n - 1 - i)];
                svg += (i ? " " : "") + Num(q.x) + "," + Num(q.y);
            }
            svg += "\" fill=\"" + HexColor(p.color) + "\"" + Opacity(p.color) + "/>\n";
            break;
        }
        case ChartPrimitive::Kind::Text: {
            const char* anchor = p.align < 0 ? "start" : p.align == 0 ? "middle" : "end";
            svg += "<text x=\"" + Num(p.a.x) + "\" y=\"" + Num(p.a.y + ascent_px) + "\" text-anchor=\"" + anchor +
                   "\" fill=\"" + HexColor(p.color) + "\"" + Opacity(p.color) + ">" + Escape(p.text) + "</text>\n";
            break;
        }
        }
    }
    svg += "</svg>\n";
    return svg;
}

}  // namespace ui

// The chart kit (ui/chart.h): tick maths, and charts drawn headless (ImGui without a renderer) and exported
// as SVG: real axes with labelled ticks, gaps where the data has none, rows that scroll, escaping; circles
// sized by area with hover and click, stacked bands with gaps, a heat map with its scale, legends, sparklines.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <regex>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/chart.h"
#include "ui/style.h"

namespace {

// One ImGui frame with a window to draw a chart in; the font is the app's.
struct Frame {
    Frame() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1000, 700);
        ui::LoadFonts(CL_TEST_FONT, CL_TEST_MONO_FONT, 1.0f);
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        ui::ApplyStyle(false);
    }
    ~Frame() { ImGui::DestroyContext(); }
    void Begin() {
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1000, 700));
        ImGui::Begin("test");
    }
    void End() {
        ImGui::End();
        ImGui::Render();
    }
};

std::vector<std::string> Texts(const std::string& svg) {
    std::vector<std::string> texts;
    std::regex text("<text[^>]*>([^<]*)</text>");
    for (std::sregex_iterator it(svg.begin(), svg.end(), text), end; it != end; ++it) texts.push_back((*it)[1]);
    return texts;
}

int Count(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_SUITE("ui") {

TEST_CASE("ticks are 1, 2 or 5 × 10^k apart, inside the range, no more than asked for") {
    ui::AxisTicks t = ui::NiceTicks(0, 97, 6, ui::AxisKind::Linear);
    CHECK(t.step == 20);
    CHECK(t.values == std::vector<double>{0, 20, 40, 60, 80});
    t = ui::NiceTicks(0, 1.3, 5, ui::AxisKind::Linear);
    CHECK(t.step == doctest::Approx(0.5));
    CHECK(t.decimals == 1);
    CHECK(t.values.size() == 3);
    t = ui::NiceTicks(-3, 3, 4, ui::AxisKind::Linear);
    CHECK(t.values == std::vector<double>{-2, 0, 2});
    for (int max_ticks = 2; max_ticks < 30; ++max_ticks) {
        t = ui::NiceTicks(12.5, 98765, max_ticks, ui::AxisKind::Linear);
        CHECK(static_cast<int>(t.values.size()) <= max_ticks);
        CHECK(t.values.front() >= 12.5);
        CHECK(t.values.back() <= 98765);
    }
}

TEST_CASE("year ticks are whole years, 25 or 50 apart over two centuries, written without separators") {
    ui::AxisTicks t = ui::NiceTicks(1789.5, 2021.5, 6, ui::AxisKind::Year);
    CHECK(t.step == 50);
    CHECK(t.values == std::vector<double>{1800, 1850, 1900, 1950, 2000});
    t = ui::NiceTicks(1789.5, 2021.5, 10, ui::AxisKind::Year);
    CHECK(t.step == 25);
    t = ui::NiceTicks(2015.5, 2017.5, 10, ui::AxisKind::Year);
    CHECK(t.values == std::vector<double>{2016, 2017});   // never half years
    CHECK(ui::AxisValueText(1861, ui::AxisKind::Year, 0) == "1861");
    CHECK(ui::AxisValueText(1861, ui::AxisKind::Linear, 0) == "1,861");
    CHECK(ui::AxisValueText(2500000, ui::AxisKind::Linear, 0) == "2,500,000");
}

TEST_CASE("a value axis from 0 ends at the first tick at or above the largest bar") {
    CHECK(ui::NiceCeiling(97, 6) == 100);
    CHECK(ui::NiceCeiling(100, 6) == 100);
    CHECK(ui::NiceCeiling(101, 7) == 120);
    CHECK(ui::NiceCeiling(101, 6) == 150);   // 0, 20 … 120 would be 7 ticks
    CHECK(ui::NiceCeiling(3, 6) == 3);
    CHECK(ui::NiceCeiling(0, 6) == 1);
    CHECK(ui::NiceCeiling(0.37, 5) == doctest::Approx(0.4));
}

// Draws frames of `chart` (a function drawing one chart and returning EndChart's result) while the mouse
// presses and releases over the SVG button, as a user's click; returns the result of the release frame.
template <typename Chart>
ui::ChartResult ClickSvg(Frame& frame, Chart chart) {
    auto draw = [&] { frame.Begin(); ui::ChartResult r = chart(); frame.End(); return r; };
    ui::ChartResult r = draw();
    r = draw();
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent((r.svg_button_min.x + r.svg_button_max.x) / 2, (r.svg_button_min.y + r.svg_button_max.y) / 2);
    draw();
    io.AddMouseButtonEvent(0, true);
    draw();
    io.AddMouseButtonEvent(0, false);
    return draw();
}

TEST_CASE("a per-year bar chart has a year axis spanning the data; its SVG has the ticks, the unit and gaps") {
    Frame frame;
    // Hits in 1790, 1791 and 1795 only: 1792–1794 are gaps on the axis.
    const double years[] = {1790, 1791, 1795}, hits[] = {3, 12, 1250};
    auto chart = [&] {
        if (!ui::BeginChart("Occurrences per year##years", ImVec2(600, 240))) return ui::ChartResult();
        ui::SetupAxes("year", "occurrences (hits in the text)", ui::AxisKind::Year, ui::AxisKind::Linear);
        ui::PlotBars("occurrences", years, hits, 3, 0.8);
        return ui::EndChart();
    };
    frame.Begin();
    ui::ChartResult shown = chart();
    frame.End();
    CHECK(shown.x_min == doctest::Approx(1789.5));
    CHECK(shown.x_max == doctest::Approx(1795.5));
    CHECK(shown.export_format == ui::ChartExport::None);
    CHECK(shown.svg.empty());

    const ui::ChartResult r = ClickSvg(frame, chart);
    REQUIRE(r.export_format == ui::ChartExport::Svg);
    const std::vector<std::string> texts = Texts(r.svg);
    REQUIRE(!texts.empty());
    CHECK(texts.front() == "Occurrences per year");
    auto has = [&](const std::string& t) { return std::find(texts.begin(), texts.end(), t) != texts.end(); };
    CHECK(has("occurrences (hits in the text)"));
    CHECK(has("year"));
    for (const char* tick : {"1790", "1792", "1794"}) CHECK(has(tick));
    CHECK(has("1,000"));   // value ticks with a thousands separator …
    CHECK(std::any_of(texts.begin(), texts.end(), [](const std::string& t) {   // … up to one at or above 1,250
        std::string digits;
        for (char c : t) if (c != ',') digits += c;
        return !digits.empty() && std::all_of(digits.begin(), digits.end(), ::isdigit) && std::stoi(digits) >= 1250 &&
               std::stoi(digits) < 1700;
    }));
    CHECK(Count(r.svg, "<rect") == 1 + 3);   // the background and one rect per year with hits: 1792–1794 are gaps
    CHECK(r.svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"240\"", 0) == 0);
}

TEST_CASE("SVG text is escaped and sizes are written exactly") {
    const std::string svg = ui::ChartSvg({}, ImVec2(10, 12.5f), IM_COL32(255, 255, 255, 255), 13, 11, "a < b & c");
    CHECK(svg.find("<title>a &lt; b &amp; c</title>") != std::string::npos);
    CHECK(svg.find("width=\"10\" height=\"12.5\"") != std::string::npos);
    ui::ChartPrimitive text;
    text.kind = ui::ChartPrimitive::Kind::Text;
    text.a = ImVec2(5, 2);
    text.align = 1;
    text.color = IM_COL32(0, 0, 0, 128);
    text.text = "«war» > 3";
    const std::string one = ui::ChartSvg({text}, ImVec2(10, 10), 0, 13, 11, "");
    CHECK(one.find("<text x=\"5\" y=\"13\" text-anchor=\"end\" fill=\"#000000\" fill-opacity=\"0.502\">«war» &gt; 3</text>") !=
          std::string::npos);
}

TEST_CASE("category rows scroll on screen but all are exported; strips mark each pixel column once") {
    Frame frame;
    const int rows = 40;
    std::vector<std::vector<uint32_t>> hits(rows);
    for (int r = 0; r < rows; ++r)
        for (uint32_t k = 0; k < 5000; ++k) hits[static_cast<size_t>(r)].push_back(k * 2);   // 5,000 hits a row
    int first = -1, last = -1;
    auto chart = [&] {
        if (!ui::BeginChart("Where the hits are##dispersion", ImVec2(500, 200))) return ui::ChartResult();
        ui::SetupAxes("position in the document (% of its words)", "documents", ui::AxisKind::Linear, ui::AxisKind::Category);
        ui::SetupAxisLimits(ui::ChartAxis::X, 0, 100);
        ui::SetupAxisCategories(ui::ChartAxis::Y, rows, [](int i) { return "Document " + std::to_string(i); });
        ui::ChartRows(&first, &last);
        for (int r = first; r < last; ++r) ui::PlotStrip("hits", r, hits[static_cast<size_t>(r)].data(), 5000, 100.0 / 10000);
        return ui::EndChart();
    };
    frame.Begin();
    const ui::ChartResult shown = chart();
    frame.End();
    CHECK(first == 0);
    CHECK(last > 2);
    CHECK(last < rows);   // 200 px hold a few rows; the rest scroll
    CHECK(shown.x_min == 0);
    CHECK(shown.x_max == 100);

    const ui::ChartResult r = ClickSvg(frame, chart);
    REQUIRE(r.export_format == ui::ChartExport::Svg);
    CHECK(last == rows);   // the export frame plots every row
    const std::vector<std::string> texts = Texts(r.svg);
    CHECK(std::find(texts.begin(), texts.end(), "Document 39") != texts.end());
    CHECK(r.svg_size.y > 40 * 10);
    // Marks: at most one per pixel column of the plot per row (5,000 hits on < 500 px), plus a strip each.
    const int rects = Count(r.svg, "<rect");
    CHECK(rects < 1 + rows * (1 + 500));
    CHECK(rects > 1 + rows * 100);
}

// Draws frames of `chart` with the mouse at `at` (screen coordinates), pressing and releasing it when `click`;
// returns the result of the last frame.
template <typename Chart>
ui::ChartResult MouseAt(Frame& frame, Chart chart, ImVec2 at, bool click) {
    auto draw = [&] { frame.Begin(); ui::ChartResult r = chart(); frame.End(); return r; };
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(at.x, at.y);
    draw();
    ui::ChartResult r = draw();
    if (!click) return r;
    io.AddMouseButtonEvent(0, true);
    draw();
    io.AddMouseButtonEvent(0, false);
    return draw();
}

// Where data point (x, y) is on the screen, from a result's plot rectangle and axis ranges.
ImVec2 ScreenOf(const ui::ChartResult& r, double x, double y) {
    return ImVec2(r.plot_min.x + static_cast<float>((x - r.x_min) / (r.x_max - r.x_min)) * (r.plot_max.x - r.plot_min.x),
                  r.plot_max.y - static_cast<float>((y - r.y_min) / (r.y_max - r.y_min)) * (r.plot_max.y - r.plot_min.y));
}

std::vector<double> Radii(const std::string& svg) {
    std::vector<double> radii;
    std::regex circle("<circle [^>]*r=\"([0-9.]+)\"");
    for (std::sregex_iterator it(svg.begin(), svg.end(), circle), end; it != end; ++it) radii.push_back(std::stod((*it)[1]));
    return radii;
}

TEST_CASE("scatter circles are sized by area, labelled, hovered with exact values, clicked, and exported as circles") {
    Frame frame;
    const double xs[] = {-0.3, 0.0, 0.35}, ys[] = {0.1, -0.2, 0.15}, shares[] = {0.64, 0.16, 0.04};
    const ImU32 colors[] = {ui::SeriesColor(0), ui::SeriesColor(1), ui::SeriesColor(2)};
    auto chart = [&] {
        if (!ui::BeginChart("Intertopic distance map##map", ImVec2(500, 360))) return ui::ChartResult();
        ui::SetupAxes("PC1", "PC2");
        ui::PlotScatter("topic", xs, ys, 3, {.sizes = shares, .max_radius = 40, .colors = colors,
                                             .label = [](int i) { return "T" + std::to_string(i + 1); }, .selected = 1});
        return ui::EndChart();
    };
    frame.Begin();
    const ui::ChartResult shown = chart();
    frame.End();
    // Every circle inside the plot: the axes widen by the largest radius.
    for (int i = 0; i < 3; ++i) {
        const ImVec2 p = ScreenOf(shown, xs[i], ys[i]);
        CHECK(p.x - shown.plot_min.x >= 40 * std::sqrt(shares[i] / 0.64) - 1);
        CHECK(shown.plot_max.x - p.x >= 40 * std::sqrt(shares[i] / 0.64) - 1);
    }
    const ui::ChartResult hover = MouseAt(frame, chart, ScreenOf(shown, xs[2], ys[2]), false);
    CHECK(hover.item == 0);
    CHECK(hover.item_index == 2);
    CHECK(!hover.clicked);
    CHECK(hover.tooltip == "topic T3\nPC1: 0.35, PC2: 0.15");
    const ui::ChartResult click = MouseAt(frame, chart, ScreenOf(shown, xs[0], ys[0] + 0.02), true);
    CHECK(click.item_index == 0);
    CHECK(click.clicked);

    const ui::ChartResult r = ClickSvg(frame, chart);
    REQUIRE(r.export_format == ui::ChartExport::Svg);
    const std::vector<double> radii = Radii(r.svg);
    REQUIRE(radii.size() == 3);
    CHECK(radii[0] == doctest::Approx(40).epsilon(0.01));
    CHECK(radii[1] == doctest::Approx(20).epsilon(0.01));   // a quarter of the share: half the radius (area ∝ share)
    CHECK(radii[2] == doctest::Approx(10).epsilon(0.01));
    const std::vector<std::string> texts = Texts(r.svg);
    for (const char* label : {"T1", "T2", "T3", "PC1", "PC2"})
        CHECK(std::find(texts.begin(), texts.end(), label) != texts.end());
    CHECK(Count(r.svg, "stroke-width=\"2.5\"") == 1);   // the selected circle's outline
}

TEST_CASE("stacked areas are bands with gaps where a group has no data, a legend, and tooltips with the band's own value") {
    Frame frame;
    // Two topics over six years; 1803 has no documents (NaN): each band breaks there.
    const double nan = std::nan("");
    const double years[] = {1800, 1801, 1802, 1803, 1804, 1805};
    const double zero[] = {0, 0, 0, nan, 0, 0};
    const double war[] = {0.2, 0.3, 0.25, nan, 0.1, 0.1};
    const double war_peace[] = {0.5, 0.5, 0.65, nan, 0.4, 0.3};
    auto chart = [&] {
        if (!ui::BeginChart("Topics over time##time", ImVec2(600, 300))) return ui::ChartResult();
        ui::SetupAxes("year", "share of the year's words", ui::AxisKind::Year, ui::AxisKind::Linear);
        ui::SetNextColor(ui::SeriesColor(4));
        ui::PlotShaded("war", years, zero, war, 6);
        ui::SetNextColor(ui::SeriesColor(7));
        ui::PlotShaded("peace", years, war, war_peace, 6);
        return ui::EndChart();
    };
    frame.Begin();
    const ui::ChartResult shown = chart();
    frame.End();
    CHECK(shown.y_min == doctest::Approx(0));
    CHECK(shown.y_max >= 0.65);
    // The upper band at 1802: 0.65 − 0.25.
    const ui::ChartResult hover = MouseAt(frame, chart, ScreenOf(shown, 1802, 0.45), false);
    CHECK(hover.item == 1);
    CHECK(hover.tooltip == "1802\npeace: 0.40");
    CHECK(MouseAt(frame, chart, ScreenOf(shown, 1802, 0.1), false).tooltip == "1802\nwar: 0.25");

    const ui::ChartResult r = ClickSvg(frame, chart);
    REQUIRE(r.export_format == ui::ChartExport::Svg);
    CHECK(Count(r.svg, "<polygon") == 4);   // two bands, each broken at 1803
    const std::vector<std::string> texts = Texts(r.svg);
    CHECK(std::find(texts.begin(), texts.end(), "war") != texts.end());     // the legend
    CHECK(std::find(texts.begin(), texts.end(), "peace") != texts.end());
}

TEST_CASE("lines with gaps: each series its own colour, the hovered one nearest the mouse, a legend for several") {
    Frame frame;
    const double nan = std::nan("");
    const double xs[] = {1, 2, 3, 4, 5};
    const double a[] = {1, 2, nan, 4, 5}, b[] = {10, 9, 8, 7, 6};
    auto chart = [&] {
        if (!ui::BeginChart("Lines##lines", ImVec2(500, 260))) return ui::ChartResult();
        ui::SetupAxes("x (units)", "y (units)");
        ui::PlotLine("rising", xs, a, 5);
        ui::PlotLine("falling", xs, b, 5);
        return ui::EndChart();
    };
    frame.Begin();
    const ui::ChartResult shown = chart();
    frame.End();
    CHECK(MouseAt(frame, chart, ScreenOf(shown, 4, 7.2), false).tooltip == "4\nfalling: 7");
    CHECK(MouseAt(frame, chart, ScreenOf(shown, 4, 4.5), false).tooltip == "4\nrising: 4");
    const ui::ChartResult r = ClickSvg(frame, chart);
    REQUIRE(r.export_format == ui::ChartExport::Svg);
    // Series lines are 1.5 px wide: 1→2 and 4→5 for the first (the gap at 3), four for the second.
    CHECK(Count(r.svg, "stroke-width=\"1.5\"") == 2 + 4);
    auto hex = [](ImU32 c) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF);
        return std::string(buf);
    };
    CHECK(Count(r.svg, "stroke=\"" + hex(ui::SeriesColor(0)) + "\"") == 2);
    CHECK(Count(r.svg, "stroke=\"" + hex(ui::SeriesColor(1)) + "\"") == 4);
    const std::vector<std::string> texts = Texts(r.svg);
    CHECK(std::find(texts.begin(), texts.end(), "rising") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "falling") != texts.end());
}

TEST_CASE("a heat map colours cells on a diverging scale, skips NaN, shows its scale and the hovered cell's value") {
    Frame frame;
    const double nan = std::nan("");
    const double r[] = {1, -0.5, nan, -0.5, 1, 0.25, nan, 0.25, 1};
    auto name = [](int i) { return "topic " + std::to_string(i + 1); };
    auto chart = [&] {
        if (!ui::BeginChart("Topic correlations##corr", ImVec2(420, 300))) return ui::ChartResult();
        ui::SetupAxes("topic", "topic", ui::AxisKind::Category, ui::AxisKind::Category);
        ui::SetupAxisCategories(ui::ChartAxis::X, 3, name);
        ui::SetupAxisCategories(ui::ChartAxis::Y, 3, name);
        ui::PlotHeatmap("correlation", r, 3, 3, -1, 1);
        return ui::EndChart();
    };
    frame.Begin();
    const ui::ChartResult shown = chart();
    frame.End();
    // Row 0, column 1 (−0.5): the middle of its cell.
    const float col_w = (shown.plot_max.x - shown.plot_min.x) / 3;
    const ui::ChartResult hover = MouseAt(frame, chart, ImVec2(shown.plot_min.x + 1.5f * col_w, shown.plot_min.y + 5), false);
    CHECK(hover.item_index == 1);
    CHECK(hover.tooltip == "topic 1 × topic 2\ncorrelation: -0.50");
    const ui::ChartResult e = ClickSvg(frame, chart);
    REQUIRE(e.export_format == ui::ChartExport::Svg);
    CHECK(Count(e.svg, "<rect") == 1 + 7 + 24);   // background, 7 cells (2 NaN), the 24-step colour bar
    CHECK(Count(e.svg, "fill=\"#b2182b\"") == 3);   // the diagonal's 1.0 is the scale's red end
    const std::vector<std::string> texts = Texts(e.svg);
    for (const char* t : {"1.00", "0.00", "-1.00", "topic 3"}) CHECK(std::find(texts.begin(), texts.end(), t) != texts.end());
    CHECK(ui::DivergingColor(0) == ImGui::GetColorU32(ImGuiCol_WindowBg));
}

TEST_CASE("a 20 × 20 heat map in a short chart shows every row and column, labelling every other one whole") {
    Frame frame;
    std::vector<double> r(400);
    for (size_t i = 0; i < r.size(); ++i) r[i] = static_cast<double>(i % 7) / 7 - 0.5;
    auto chart = [&] {
        if (!ui::BeginChart("Topic correlations##corr20", ImVec2(420, 300))) return ui::ChartResult();
        ui::SetupAxes("topic", nullptr, ui::AxisKind::Category, ui::AxisKind::Category);
        ui::SetupAxisCategories(ui::ChartAxis::X, 20, [](int i) { return std::to_string(i + 1); });
        ui::SetupAxisCategories(ui::ChartAxis::Y, 20, [](int i) { return "topic " + std::to_string(i + 1); });
        ui::PlotHeatmap("correlation", r.data(), 20, 20, -1, 1);
        return ui::EndChart();
    };
    frame.Begin();
    const ui::ChartResult shown = chart();
    frame.End();
    // The bottom-right cell is on screen (no rows scrolled away) and hovers as row 20 × column 20.
    const ui::ChartResult hover = MouseAt(frame, chart, ImVec2(shown.plot_max.x - 2, shown.plot_max.y - 2), false);
    CHECK(hover.item_index == 399);
    CHECK(hover.tooltip.starts_with("topic 20 × 20\n"));
    const ui::ChartResult e = ClickSvg(frame, chart);
    REQUIRE(e.export_format == ui::ChartExport::Svg);
    CHECK(Count(e.svg, "<rect") == 1 + 400 + 24);
    const std::vector<std::string> texts = Texts(e.svg);
    for (const char* t : {"topic 1", "topic 19", "1", "19"}) CHECK(std::find(texts.begin(), texts.end(), t) != texts.end());
    for (const std::string& t : texts) CHECK(t.find("…") == std::string::npos);
}

TEST_CASE("series colours differ for the first 30 indices and a sparkline reports the point under the mouse") {
    Frame frame;
    frame.Begin();
    for (int i = 0; i < 30; ++i)
        for (int j = 0; j < i; ++j) CHECK(ui::SeriesColor(i) != ui::SeriesColor(j));
    frame.End();
    const double ys[] = {0.1, 0.3, std::nan(""), 0.2, 0.5};
    ImVec2 at;
    auto draw = [&] {
        frame.Begin();
        at = ImGui::GetCursorScreenPos();
        const int i = ui::Sparkline("spark", ys, 5, ImVec2(100, 20), ui::SeriesColor(0));
        frame.End();
        return i;
    };
    draw();
    ImGui::GetIO().AddMousePosEvent(at.x + 76, at.y + 10);   // three quarters across: the fourth point
    draw();
    CHECK(draw() == 3);
    ImGui::GetIO().AddMousePosEvent(at.x + 200, at.y + 10);
    draw();
    CHECK(draw() == -1);
}

}  // TEST_SUITE

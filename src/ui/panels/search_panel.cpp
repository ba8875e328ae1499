// SearchPanel: query box, subcorpus chip, count, charts per year and per source or field (ui/chart.h), hits.
#include "ui/panels/search_panel.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include <imgui.h>

#include "app/search_export.h"
#include "core/number_text.h"
#include "ui/chart.h"
#include "ui/chart_glue.h"
#include "ui/query_box.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// How a measure reads in chart titles and on the value axis (with its unit).
struct MeasureText { const char* title; const char* axis; };
MeasureText MeasureTexts(app::ChartMeasure measure) {
    switch (measure) {
    case app::ChartMeasure::Documents: return {"Matching documents", "documents"};
    case app::ChartMeasure::Occurrences: return {"Occurrences", "occurrences (hits in the text)"};
    case app::ChartMeasure::PerMillionWords: return {"Occurrences per million words", "occurrences per million words"};
    }
    return {"", ""};
}

// The exact counts behind a bar, for its tooltip (added under the chart's own lines).
void CountsTooltip(const store::KeyCount& c, const char* click) {
    ImGui::BeginTooltip();
    ImGui::TextDisabled("%s of %s match · %s · %s", core::CountText(c.documents).c_str(),
                        core::CountText(c.all_documents, "document").c_str(), core::CountText(c.occurrences, "hit").c_str(),
                        core::CountText(c.words, "word").c_str());
    if (click) ImGui::TextDisabled("%s", click);
    ImGui::EndTooltip();
}

}  // namespace

// The measure and group-by controls, then the per-year chart (a year axis: years without matches are gaps)
// and the per-group chart (a row per source or field value).
void SearchPanel::DrawCharts(app::AppState& state) {
    const analysis::SearchResults& r = state.results;
    if (r.by_year.empty() && r.by_source.empty()) return;
    app::SearchCharts& charts = state.search_charts;
    const float em = ImGui::GetFontSize();

    // Controls: what to count, and what the second chart groups by.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Count");
    for (app::ChartMeasure m : app::kChartMeasures) {
        ImGui::SameLine();
        const bool needs_hits = m != app::ChartMeasure::Documents;
        ImGui::BeginDisabled(needs_hits && !r.occurrences_exact);
        if (ImGui::RadioButton(app::ChartMeasureLabel(m), charts.measure == m)) charts.measure = m;
        ImGui::EndDisabled();
        RecordItemRect(state, (std::string("search.measure.") + app::ChartMeasureId(m)).c_str());
        if (needs_hits && !r.occurrences_exact && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("Hits are counted without regard to case; turn off Exact case to count them");
    }
    // With exact case hits are not counted exactly: the charts show documents (the choice is kept).
    const app::ChartMeasure measure = r.occurrences_exact ? charts.measure : app::ChartMeasure::Documents;
    ImGui::SameLine(0, 1.5f * em);
    ImGui::TextUnformatted("Group by");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(9 * em);
    if (ImGui::BeginCombo("##group", charts.group.c_str())) {
        if (ImGui::Selectable(app::kGroupBySource, charts.group == app::kGroupBySource)) charts.group = app::kGroupBySource;
        RecordItemRect(state, "search.group.source");
        for (const std::string& field : charts.fields) {
            if (ImGui::Selectable(field.c_str(), charts.group == field)) charts.group = field;
            RecordItemRect(state, ("search.group." + field).c_str());
        }
        ImGui::EndCombo();
    }
    RecordItemRect(state, "search.group");
    if (!charts.error.empty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().error);
        ImGui::TextUnformatted(charts.error.c_str());
        ImGui::PopStyleColor();
    }

    const MeasureText text = MeasureTexts(measure);
    const float height = 12.0f * em;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 2;
    const float year_w = std::max(avail * 0.6f, 16 * em), group_w = std::max(avail - year_w - spacing, 12 * em);

    // Per year: a bar per year with matches, on a year axis.
    year_x.clear();
    year_y.clear();
    year_count.clear();
    int64_t undated = 0;
    for (const store::KeyCount& c : r.by_year) {
        if (c.key.empty()) { undated += c.documents; continue; }
        year_x.push_back(std::atof(c.key.c_str()));
        year_y.push_back(app::MeasureValue(c, measure));
        year_count.push_back(&c);
    }
    const std::string year_title = std::string(text.title) + " per year##years";
    const std::string x_label = undated > 0 ? "year (" + core::CountText(undated, "matching document") + " without a year not shown)"
                                            : std::string("year");
    if (BeginChart(year_title.c_str(), ImVec2(year_w, height))) {
        SetupAxes(x_label.c_str(), text.axis, AxisKind::Year, AxisKind::Linear);
        if (measure == app::ChartMeasure::PerMillionWords) SetupAxisDecimals(ChartAxis::Y, 1);
        if (year_x.empty()) SetupAxisLimits(ChartAxis::X, 0, 1);
        PlotBars(text.axis, year_x.data(), year_y.data(), static_cast<int>(year_x.size()), 0.8);
        const ChartResult chart = EndChart();
        HandleChart(state, "search.years", "per-year", chart);
        if (chart.item_index >= 0) {
            const store::KeyCount& c = *year_count[static_cast<size_t>(chart.item_index)];
            CountsTooltip(c, ("Click to search only " + c.key).c_str());
            if (chart.clicked) app::SetSubcorpus(state, {.date_from = c.key, .date_to = c.key}, "year " + c.key);
        }
    }

    // Per group: a row per value, the largest first.
    ImGui::SameLine(0, spacing);
    const std::vector<store::KeyCount>& groups = app::GroupCounts(state);
    group_order.resize(groups.size());
    group_y.resize(groups.size());
    for (size_t i = 0; i < groups.size(); ++i) group_order[i] = static_cast<uint32_t>(i);
    std::stable_sort(group_order.begin(), group_order.end(), [&](uint32_t a, uint32_t b) {
        return app::MeasureValue(groups[a], measure) > app::MeasureValue(groups[b], measure);
    });
    for (size_t i = 0; i < groups.size(); ++i) group_y[i] = app::MeasureValue(groups[group_order[i]], measure);
    const bool by_source = charts.group == app::kGroupBySource;
    const std::string group_title = std::string(text.title) + " per " + charts.group + "##groups";
    if (BeginChart(group_title.c_str(), ImVec2(group_w, height))) {
        SetupAxes(text.axis, charts.group.c_str(), AxisKind::Linear, AxisKind::Category);
        SetupAxisCategories(ChartAxis::Y, static_cast<int>(groups.size()), [&](int i) {
            const std::string& key = groups[group_order[static_cast<size_t>(i)]].key;
            return key.empty() ? std::string("(none)") : key;
        });
        if (measure == app::ChartMeasure::PerMillionWords) SetupAxisDecimals(ChartAxis::X, 1);
        PlotBarsH(text.axis, group_y.data(), static_cast<int>(group_y.size()));
        const ChartResult chart = EndChart();
        HandleChart(state, "search.sources", "per-group", chart);
        if (chart.item_index >= 0 && chart.item_index < static_cast<int>(groups.size())) {
            const store::KeyCount& c = groups[group_order[static_cast<size_t>(chart.item_index)]];
            const bool can_filter = by_source && !c.key.empty();
            CountsTooltip(c, can_filter ? ("Click to search only " + c.key).c_str() : nullptr);
            if (chart.clicked && can_filter) app::SetSubcorpus(state, {.sources = {c.key}}, "source " + c.key);
        }
    }
}

void SearchPanel::Draw(app::AppState& state) {
    QueryBox(state, "search", &focus_query);
    if (!state.subcorpus_label.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Only");
        ImGui::SameLine();
        const std::string chip = state.subcorpus_label + "   x  clear filter";
        if (ImGui::Button(chip.c_str())) app::SetSubcorpus(state, {}, "");
        RecordItemRect(state, "search.clear_filter");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Search the whole corpus again");
    }
    if (!state.query_parsed) {
        if (state.query_error.empty())
            MutedTextWrapped("Words are matched in a folded form: case, ligatures, full-width letters and ß/ss do not "
                             "matter, so СЕРГЕЙ finds «Сергей» and strasse finds «Straße». All words must occur; "
                             "press ? for phrases, prefixes, OR, NOT, NEAR and filters.");
        return;
    }
    ImGui::AlignTextToFramePadding();
    const analysis::SearchResults& r = state.results;
    if (r.occurrences > 0 && r.occurrences_exact)
        ImGui::Text("%s of %s match · %s", core::CountText(r.document_count).c_str(),
                    core::CountText(static_cast<int64_t>(state.documents.size()), "document").c_str(),
                    core::CountText(r.occurrences, "hit").c_str());
    else
        ImGui::Text("%s of %s match", core::CountText(r.document_count).c_str(),
                    core::CountText(static_cast<int64_t>(state.documents.size()), "document").c_str());
    RecordItemRect(state, "search.count");
    SameLineOrWrap(ButtonWidth("Copy results (TSV)"));
    if (ButtonIf(!state.results.hits.empty(), "Copy results (TSV)", "Nothing to copy"))
        ImGui::SetClipboardText(app::SearchHitsTable(state.results.hits, state.documents, '\t').c_str());
    if (ImGui::IsItemHovered() && !state.results.hits.empty()) ImGui::SetTooltip("The documents listed below");
    RecordItemRect(state, "search.copy");
    SameLineOrWrap(ButtonWidth("Export CSV"));
    if (ButtonIf(!state.results.hits.empty(), "Export CSV", "Nothing to export"))
        app::Defer(state, [](app::AppState& s) { app::ExportSearchResults(s); });
    if (ImGui::IsItemHovered() && !state.results.hits.empty()) ImGui::SetTooltip("Every matching document, best first");
    RecordItemRect(state, "search.export");
    DrawCharts(state);
    ImGui::Spacing();
    ImGui::BeginChild("hits");
    for (size_t i = 0; i < state.results.hits.size(); ++i) {
        const store::SearchHit& hit = state.results.hits[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().accent);
        if (ImGui::Selectable(hit.title.c_str()))
            app::OpenInReader(state, hit.doc_id);
        ImGui::PopStyleColor();
        if (i == 0) RecordItemRect(state, "search.hit0");
        HighlightedTextWrapped(hit.snippet);
        ImGui::Spacing();
        ImGui::PopID();
    }
    if (state.results.document_count > static_cast<int64_t>(state.results.hits.size())) {
        const int64_t rest = state.results.document_count - static_cast<int64_t>(state.results.hits.size());
        MutedTextWrapped(("The best " + core::CountText(static_cast<int64_t>(state.results.hits.size())) + " of " +
                          core::CountText(state.results.document_count) + " are listed.").c_str());
        const std::string more = "Show " + core::CountText(std::min<int64_t>(rest, app::kSearchHitLimit)) + " more";
        if (ImGui::Button(more.c_str())) app::Defer(state, [](app::AppState& s) { app::ShowMoreHits(s); });
        RecordItemRect(state, "search.more");
    }
    ImGui::EndChild();
}

}  // namespace ui

// ReaderPanel: metadata, hit navigation, and the text as wrapped lines drawn through ImGuiListClipper, with
// hits highlighted from state.reader_hits. Wrapping uses ImFont::CalcWordWrapPositionA, as ImGui's own does.
#include "ui/panels/reader_panel.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "core/number_text.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {

void MetadataRow(const char* name, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
    ImGui::TextUnformatted(name);
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value.empty() ? "—" : value.c_str());
}

}  // namespace

void ReaderPanel::Draw(app::AppState& state) {
    if (state.reader_doc_id == 0) {
        MutedTextWrapped("The Reader shows a whole document. Open one from the Library, the sidebar, a search "
                         "result or a concordance line.");
        return;
    }
    if (state.reader_loaded_id != state.reader_doc_id) return;  // loads before the next frame
    const store::DocumentSummary& doc = state.reader_doc;
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().accent);
    ImGui::TextWrapped("%s", doc.title.c_str());
    ImGui::PopStyleColor();
    if (ImGui::TreeNode("Details")) {
        if (ImGui::BeginTable("metadata", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
            MetadataRow("Source", doc.source);
            MetadataRow("Date", DisplayDate(doc.date));
            MetadataRow("Language", doc.lang);
            MetadataRow("Words", core::CountText(doc.word_count));
            for (const auto& [name, value] : state.reader_fields) MetadataRow(name.c_str(), value);
            ImGui::EndTable();
        }
        if (!state.reader_notes.empty() && ImGui::TreeNode("How this document was imported")) {
            ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
            ImGui::TextUnformatted(state.reader_notes.c_str());
            ImGui::PopStyleColor();
            ImGui::TreePop();
        }
        ImGui::TreePop();
    } else {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
        ImGui::Text("%s  ·  %s  ·  %s  ·  %s", doc.source.c_str(), DisplayDate(doc.date).c_str(),
                    doc.lang.c_str(), core::CountText(doc.word_count, "word").c_str());
        ImGui::PopStyleColor();
    }

    // Hit navigation
    const int hits = static_cast<int>(state.reader_hits.size());
    ImGui::AlignTextToFramePadding();
    if (hits == 0) {
        MutedTextWrapped(state.query_parsed ? "No hits of the query in this text." : "Search for something to see its hits here.");
    } else {
        if (ButtonIf(state.reader_hit > 0, "< Previous hit")) { --state.reader_hit; state.reader_scroll_to_hit = true; }
        RecordItemRect(state, "reader.previous");
        ImGui::SameLine();
        if (ButtonIf(state.reader_hit + 1 < hits, "Next hit >")) { ++state.reader_hit; state.reader_scroll_to_hit = true; }
        RecordItemRect(state, "reader.next");
        ImGui::SameLine();
        ImGui::Text("hit %d of %d for «%s»", state.reader_hit + 1, hits, state.searched_query.c_str());
    }
    ImGui::Separator();
    DrawText(state);
}

void ReaderPanel::Layout(const app::AppState& state, float wrap_width) {
    const std::string& text = state.reader_text;
    const float font_size = ImGui::GetFontSize();
    if (laid_out_id == state.reader_loaded_id && laid_out_bytes == text.size() && laid_out_width == wrap_width &&
        laid_out_font == font_size)
        return;
    laid_out_id = state.reader_loaded_id;
    laid_out_bytes = text.size();
    laid_out_width = wrap_width;
    laid_out_font = font_size;
    lines.clear();
    ImFont* font = ImGui::GetFont();
    const char* begin = text.data();
    const char* end = begin + text.size();
    for (const char* p = begin;;) {
        const char* para_end = std::find(p, end, '\n');
        if (p == para_end) lines.emplace_back(static_cast<uint32_t>(p - begin), static_cast<uint32_t>(p - begin));
        while (p < para_end) {
            const char* wrap = font->CalcWordWrapPositionA(font_size / font->FontSize, p, para_end, wrap_width);
            if (wrap == p) wrap = p + 1;   // a glyph wider than the line: never stall
            lines.emplace_back(static_cast<uint32_t>(p - begin), static_cast<uint32_t>(wrap - begin));
            p = wrap;
            while (p < para_end && *p == ' ') ++p;
        }
        if (para_end == end) break;
        p = para_end + 1;
    }
}

void ReaderPanel::DrawText(app::AppState& state) {
    ImGui::BeginChild("text");
    const float wrap_width = std::min(ImGui::GetContentRegionAvail().x, 48.0f * ImGui::GetFontSize());
    Layout(state, wrap_width);
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const auto& hits = state.reader_hits;
    if (state.reader_scroll_to_hit && state.reader_hit >= 0 && static_cast<size_t>(state.reader_hit) < hits.size()) {
        const uint32_t hit_byte = hits[static_cast<size_t>(state.reader_hit)].first;
        auto line = std::upper_bound(lines.begin(), lines.end(), hit_byte,
                                     [](uint32_t b, const std::pair<uint32_t, uint32_t>& l) { return b < l.first; });
        const float y = static_cast<float>(std::max<long>(line - lines.begin() - 1, 0)) * line_h;
        ImGui::SetScrollY(std::max(0.0f, y - ImGui::GetWindowHeight() * 0.3f));
        state.reader_scroll_to_hit = false;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Palette& palette = CurrentPalette();
    const char* text = state.reader_text.data();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines.size()), line_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto [from, to] = lines[static_cast<size_t>(i)];
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            // Hits overlapping this line: the first one ending after its start, onwards.
            auto hit = std::lower_bound(hits.begin(), hits.end(), from,
                                        [](const std::pair<uint32_t, uint32_t>& h, uint32_t b) { return h.first + h.second <= b; });
            for (; hit != hits.end() && hit->first < to; ++hit) {
                const uint32_t a = std::max(hit->first, from), b = std::min(hit->first + hit->second, to);
                const float x0 = pos.x + ImGui::CalcTextSize(text + from, text + a).x;
                const float x1 = pos.x + ImGui::CalcTextSize(text + from, text + b).x;
                const bool current = hit - hits.begin() == state.reader_hit;
                const ImVec2 lo(x0 - 1, pos.y), hi(x1 + 1, pos.y + ImGui::GetTextLineHeight());
                draw->AddRectFilled(lo, hi, palette.highlight, 2.0f);
                if (!current) continue;
                draw->AddRect(ImVec2(lo.x - 1, lo.y - 1), ImVec2(hi.x + 1, hi.y + 1), palette.accent, 2.0f, 0, 2.0f);
                state.widgets["reader.hit"] = {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y};
            }
            ImGui::TextUnformatted(text + from, text + to);
        }
    }
    ImGui::EndChild();
}

}  // namespace ui

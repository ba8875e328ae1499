// ReaderPanel: metadata, hit navigation and selection buttons, and the text as wrapped lines (ui/text_layout.h)
// drawn through ImGuiListClipper, with hits from state.reader_hits and the selection as backgrounds.
#include "ui/panels/reader_panel.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "app/reader_selection.h"
#include "core/number_text.h"
#include "ui/style.h"
#include "ui/text_layout.h"
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

    DrawToolbar(state);
    ImGui::Separator();
    DrawText(state);
}

void ReaderPanel::DrawToolbar(app::AppState& state) {
    const int hits = static_cast<int>(state.reader_hits.size());
    ImGui::AlignTextToFramePadding();
    if (hits == 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
        ImGui::TextUnformatted(state.query_parsed ? "No hits of the query in this text." : "Search for something to see its hits here.");
        ImGui::PopStyleColor();
    } else {
        if (ButtonIf(state.reader_hit > 0, "< Previous hit")) { --state.reader_hit; state.reader_scroll_to_hit = true; }
        RecordItemRect(state, "reader.previous");
        SameLineOrWrap(ButtonWidth("Next hit >"));
        if (ButtonIf(state.reader_hit + 1 < hits, "Next hit >")) { ++state.reader_hit; state.reader_scroll_to_hit = true; }
        RecordItemRect(state, "reader.next");
        const std::string where = "hit " + std::to_string(state.reader_hit + 1) + " of " + std::to_string(hits) +
                                  " for «" + state.searched_query + "»";
        SameLineOrWrap(ImGui::CalcTextSize(where.c_str()).x);
        ImGui::TextUnformatted(where.c_str());
    }
    const bool selected = !state.reader_selection.range().empty();
    SameLineOrWrap(ButtonWidth("Copy") + ImGui::GetStyle().ItemSpacing.x + ButtonWidth("Select all"));
    if (ButtonIf(selected, "Copy", "Select text first: drag over it, double-click a word, triple-click a sentence"))
        ImGui::SetClipboardText(app::SelectedText(state.reader_text, state.reader_selection.range()).c_str());
    if (selected && ImGui::IsItemHovered()) ImGui::SetTooltip("Copy the selected text (Ctrl+C)");
    RecordItemRect(state, "reader.copy");
    ImGui::SameLine();
    if (ImGui::Button("Select all")) state.reader_selection = {0, static_cast<uint32_t>(state.reader_text.size())};
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Select the whole text (Ctrl+A)");
    RecordItemRect(state, "reader.select_all");
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
    lines = WrapLines(ImGui::GetFont(), font_size, text, wrap_width);
}

uint32_t ReaderPanel::ByteAt(const app::AppState& state, ImVec2 origin, float line_h, ImVec2 mouse) const {
    if (lines.empty() || mouse.y < origin.y) return 0;
    const auto line = static_cast<size_t>((mouse.y - origin.y) / line_h);
    if (line >= lines.size()) return static_cast<uint32_t>(state.reader_text.size());
    return ByteAtX(ImGui::GetFont(), ImGui::GetFontSize(), state.reader_text, lines[line], mouse.x - origin.x);
}

void ReaderPanel::HandleSelection(app::AppState& state, ImVec2 origin, float line_h) {
    const ImGuiIO& io = ImGui::GetIO();
    app::ReaderSelection& selection = state.reader_selection;
    const auto text_bytes = static_cast<uint32_t>(state.reader_text.size());
    // Over the text, not its scrollbar.
    const bool over_text = ImGui::IsWindowHovered() &&
                           io.MousePos.x < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (over_text && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const uint32_t byte = ByteAt(state, origin, line_h, io.MousePos);
        const int clicks = ImGui::GetMouseClickedCount(ImGuiMouseButton_Left);
        dragging = clicks == 1;
        if (clicks == 1) selection = {io.KeyShift ? selection.anchor : byte, byte};
        // Words and sentences need the segmenter, which Update runs (never Draw).
        else if (clicks == 2)
            app::Defer(state, [byte](app::AppState& s) { s.reader_selection = app::ReaderSelection::Of(app::WordAt(s.reader_text, byte)); });
        else
            app::Defer(state, [byte](app::AppState& s) { s.reader_selection = app::ReaderSelection::Of(app::SentenceAt(s.reader_text, byte)); });
    }
    if (dragging && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        selection.caret = ByteAt(state, origin, line_h, io.MousePos);
        // Dragging above or below the visible text scrolls it, a line per frame.
        const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
        if (io.MousePos.y < top) ImGui::SetScrollY(ImGui::GetScrollY() - line_h);
        else if (io.MousePos.y > bottom) ImGui::SetScrollY(ImGui::GetScrollY() + line_h);
    } else {
        dragging = false;
    }
    if (over_text && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        menu_byte = ByteAt(state, origin, line_h, io.MousePos);
        ImGui::OpenPopup("text menu");
    }
    if (ImGui::BeginPopup("text menu")) {
        const bool selected = !selection.range().empty();
        if (ImGui::MenuItem("Copy", "Ctrl+C", false, selected))
            ImGui::SetClipboardText(app::SelectedText(state.reader_text, selection.range()).c_str());
        if (ImGui::MenuItem("Select sentence"))
            app::Defer(state, [byte = menu_byte](app::AppState& s) {
                s.reader_selection = app::ReaderSelection::Of(app::SentenceAt(s.reader_text, byte));
            });
        if (ImGui::MenuItem("Select all", "Ctrl+A")) selection = {0, text_bytes};
        ImGui::EndPopup();
    }
    // Keys, while the Reader has the keyboard (no text field or dialog has it).
    if (!io.WantTextInput && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
        if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_A)) selection = {0, text_bytes};
        if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_C) && !selection.range().empty())
            ImGui::SetClipboardText(app::SelectedText(state.reader_text, selection.range()).c_str());
    }
}

void ReaderPanel::DrawText(app::AppState& state) {
    ImGui::BeginChild("text");
    const ImVec2 window_pos = ImGui::GetWindowPos(), window_size = ImGui::GetWindowSize();
    state.widgets["reader.text"] = {window_pos.x, window_pos.y, window_size.x, window_size.y};
    const float wrap_width = std::min(ImGui::GetContentRegionAvail().x, 48.0f * ImGui::GetFontSize());
    Layout(state, wrap_width);
    const float line_h = ImGui::GetTextLineHeightWithSpacing(), text_h = ImGui::GetTextLineHeight();
    const auto& hits = state.reader_hits;
    if (state.reader_scroll_to_hit && state.reader_hit >= 0 && static_cast<size_t>(state.reader_hit) < hits.size()) {
        const size_t line = LineOfByte(lines, hits[static_cast<size_t>(state.reader_hit)].first);
        const float y = static_cast<float>(line) * line_h;
        ImGui::SetScrollY(std::max(0.0f, y - ImGui::GetWindowHeight() * 0.3f));
        state.reader_scroll_to_hit = false;
    }
    HandleSelection(state, ImGui::GetCursorScreenPos(), line_h);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Palette& palette = CurrentPalette();
    const ImU32 selection_color = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
    const app::TextRange selection = state.reader_selection.range();
    const std::string_view text = state.reader_text;
    const ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const float space = ImGui::CalcTextSize(" ").x;
    state.widgets.erase("reader.hit");
    state.widgets.erase("reader.hit_text");
    state.widgets.erase("reader.last_line");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines.size()), line_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const TextLine line = lines[static_cast<size_t>(i)];
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            auto x_of = [&](uint32_t byte) { return pos.x + XOfByte(font, font_size, text, line, byte); };
            // Hits overlapping this line (the first one ending after its start, onwards), each filling exactly
            // its own characters' advance boxes: the letters around it keep their own background.
            auto hit = std::lower_bound(hits.begin(), hits.end(), line.from,
                                        [](const std::pair<uint32_t, uint32_t>& h, uint32_t b) { return h.first + h.second <= b; });
            for (; hit != hits.end() && hit->first < line.to; ++hit) {
                const ImVec2 lo(x_of(hit->first), pos.y - 1), hi(x_of(hit->first + hit->second), pos.y + text_h + 1);
                draw->AddRectFilled(lo, hi, palette.highlight, 2.0f);
                if (hit - hits.begin() != state.reader_hit) continue;
                // The current hit is underlined, in the gap below the line (no neighbour is touched).
                draw->AddRectFilled(ImVec2(lo.x, hi.y), ImVec2(hi.x, hi.y + 2), palette.accent);
                state.widgets["reader.hit"] = {lo.x, lo.y, hi.x - lo.x, hi.y + 2 - lo.y};
                state.widgets["reader.hit_text"] = {lo.x, pos.y, hi.x - lo.x, text_h};
            }
            // The selection, over the whole line height so wrapped lines join; a space's width past the end
            // of a line shows that the selection goes on (a line break or the spaces at a wrap).
            if (!selection.empty() && selection.from <= line.to && selection.to > line.from) {
                const float x0 = x_of(std::max(selection.from, line.from));
                const float x1 = x_of(std::min(selection.to, line.to)) + (selection.to > line.to ? space : 0.0f);
                if (x1 > x0) draw->AddRectFilled(ImVec2(x0, pos.y), ImVec2(x1, pos.y + line_h), selection_color);
            }
            ImGui::TextUnformatted(text.data() + line.from, text.data() + line.to);
            if (static_cast<size_t>(i) + 1 == lines.size()) RecordItemRect(state, "reader.last_line");
        }
    }
    ImGui::EndChild();
}

}  // namespace ui

// ReaderPanel: metadata, hit navigation and selection buttons, and the text as wrapped lines (ui/text_layout.h)
// drawn through ImGuiListClipper, with hits from state.reader_hits and the selection as backgrounds.
#include "ui/panels/reader_panel.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "app/reader_selection.h"
#include "core/number_text.h"
#include "ui/chart.h"
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
    DrawTopicMix(state);
    ImGui::Separator();
    DrawText(state);
}

// Whether the topics' colouring applies to the open document.
static bool TopicsFor(const app::AppState& state) {
    const app::ReaderTopicSpans& r = state.topics.reader;
    return r.doc_id != 0 && r.doc_id == state.reader_loaded_id && !r.mix.empty();
}

void ReaderPanel::DrawTopicMix(app::AppState& state) {
    state.ui_text.erase("reader.topics");
    state.widgets.erase("reader.topic_mix");
    state.widgets.erase("reader.topic_colours");
    if (!TopicsFor(state)) return;
    const app::ReaderTopicSpans& r = state.topics.reader;
    const float em = ImGui::GetFontSize();
    // The legend: topics with at least 3% of the document, largest first (at most 6), named by label or top
    // words (a pass over K topics a frame).
    {
        legend_topics.clear();
        legend_names.clear();
        for (int t = 0; t < static_cast<int>(r.mix.size()); ++t)
            if (r.mix[static_cast<size_t>(t)] >= 0.03) legend_topics.push_back(t);
        std::stable_sort(legend_topics.begin(), legend_topics.end(),
                         [&](int a, int b) { return r.mix[static_cast<size_t>(a)] > r.mix[static_cast<size_t>(b)]; });
        if (legend_topics.size() > 6) legend_topics.resize(6);
        for (int t : legend_topics) {
            std::string name;
            if (static_cast<size_t>(t) < state.topics.labels.size()) name = state.topics.labels[static_cast<size_t>(t)].label;
            if (name.empty() && topic_name) name = topic_name(t);
            legend_names.push_back(name.empty() ? "topic " + std::to_string(t + 1) : std::to_string(t + 1) + " " + name);
        }
    }
    ImGui::AlignTextToFramePadding();
    ImGui::Checkbox("Colour words by topic", &colour_topics);
    RecordItemRect(state, "reader.topic_colours");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Each word the topic model kept, in the colour of the topic it was assigned to");
    // The mix as one bar: each topic's share a segment in its colour.
    ImGui::SameLine();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float bar_w = std::clamp(ImGui::GetContentRegionAvail().x * 0.35f, 6 * em, 18 * em), bar_h = ImGui::GetFrameHeight() * 0.7f;
    const float y = at.y + (ImGui::GetFrameHeight() - bar_h) / 2;
    ImGui::Dummy(ImVec2(bar_w, ImGui::GetFrameHeight()));
    RecordItemRect(state, "reader.topic_mix");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const bool hovered = ImGui::IsItemHovered();
    float x = at.x;
    for (size_t t = 0; t < r.mix.size(); ++t) {
        const float w = static_cast<float>(r.mix[t]) * bar_w;
        draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + bar_h), SeriesColor(static_cast<int>(t)));
        if (hovered && ImGui::GetIO().MousePos.x >= x && ImGui::GetIO().MousePos.x < x + w)
            ImGui::SetTooltip("topic %d: %s of this document", static_cast<int>(t) + 1, core::DecimalText(r.mix[t] * 100, 1).c_str());
        x += w;
    }
    draw->AddRect(ImVec2(at.x, y), ImVec2(at.x + bar_w, y + bar_h), ImGui::GetColorU32(ImGuiCol_Border));
    std::string legend_text;
    for (size_t i = 0; i < legend_topics.size(); ++i) {
        const std::string item = legend_names[i] + " " + core::DecimalText(r.mix[static_cast<size_t>(legend_topics[i])] * 100, 0) + "%";
        legend_text += (i ? " | " : "") + item;
        const float sw = 0.7f * em;
        SameLineOrWrap(sw + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(item.c_str()).x);
        ImGui::BeginGroup();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float top = p.y + (ImGui::GetFrameHeight() - sw) / 2;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, top), ImVec2(p.x + sw, top + sw), SeriesColor(legend_topics[i]), 2.0f);
        ImGui::Dummy(ImVec2(sw, ImGui::GetFrameHeight()));
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(item.c_str());
        ImGui::EndGroup();
        RecordItemRect(state, ("reader.topic_legend" + std::to_string(i)).c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s\n%s%% of the words the model kept in this document; words on this colour were "
                              "assigned to it.", legend_names[i].c_str(),
                              core::DecimalText(r.mix[static_cast<size_t>(legend_topics[i])] * 100, 1).c_str());
    }
    state.ui_text["reader.topics"] = legend_text;
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
    // Words by topic: their backgrounds, under hits and the selection (both stay visible over them).
    const bool topic_colours = colour_topics && TopicsFor(state);
    const auto& spans = state.topics.reader.spans;
    int coloured_words = 0;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines.size()), line_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const TextLine line = lines[static_cast<size_t>(i)];
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            auto x_of = [&](uint32_t byte) { return pos.x + XOfByte(font, font_size, text, line, byte); };
            if (topic_colours) {   // spans are in text order: the first ending after the line's start, onwards
                auto span = std::lower_bound(spans.begin(), spans.end(), line.from, [](const auto& s, uint32_t b) {
                    return std::get<0>(s) + std::get<1>(s) <= b;
                });
                for (; span != spans.end() && std::get<0>(*span) < line.to; ++span) {
                    const uint32_t from = std::max(std::get<0>(*span), line.from);
                    const uint32_t to = std::min(std::get<0>(*span) + std::get<1>(*span), line.to);
                    const ImU32 c = SeriesColor(std::get<2>(*span));
                    draw->AddRectFilled(ImVec2(x_of(from), pos.y - 1), ImVec2(x_of(to), pos.y + text_h + 1),
                                        (c & ~IM_COL32_A_MASK) | (IM_COL32(0, 0, 0, 110) & IM_COL32_A_MASK), 2.0f);
                    // Under the word, its topic's colour at full strength: told apart even where two are alike.
                    draw->AddRectFilled(ImVec2(x_of(from), pos.y + text_h), ImVec2(x_of(to), pos.y + text_h + 1.5f), c);
                    ++coloured_words;
                }
            }
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
    state.ui_text["reader.coloured_words"] = std::to_string(coloured_words);   // in the lines drawn
    ImGui::EndChild();
}

}  // namespace ui

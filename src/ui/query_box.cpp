// QueryBox: input, help popover, exact case and the parse error. Parsing runs in app::Update, not here.
#include "ui/query_box.h"

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>   // GetActiveID, ClearActiveID, SetKeyOwner, ImHashStr

#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {

struct SyntaxRow { const char* example; const char* finds; };
// The "At a glance" table of docs/QUERIES.md.
constexpr SyntaxRow kSyntax[] = {
    {"lavrov", "the word, in any case and with or without accents"},
    {"\"foreign minister\"", "the exact phrase: these words, in this order"},
    {"minist*", "a word starting with minist (minister, ministry …)"},
    {"russia ukraine", "both words (russia AND ukraine is the same)"},
    {"russia OR ukraine", "either word"},
    {"sanctions -oil", "sanctions but not oil (also sanctions NOT oil)"},
    {"(russia OR ukraine) gas", "grouping with parentheses"},
    {"NEAR(russia europe, 10)", "both words at most 10 words apart"},
    {"title:lavrov", "the word in the title"},
    {"source:tass", "only documents whose source contains tass"},
    {"lang:en", "only documents in English"},
    {"year:1990..2000", "only documents from those years (also 1990-2000; year:2001, year:>=1990)"},
    {"author:\"john smith\"", "only documents whose author contains john smith (also url:)"},
    {"party:democratic", "any field of the corpus (Library → Columns… lists them): party:, president: …"},
    {"fts:…", "advanced: the rest goes to SQLite FTS5 as it is"},
};

// `fields`: the open corpus's extra fields, named so the user sees which field filters there are.
void DrawHelp(const std::vector<std::string>& fields) {
    ImGui::TextUnformatted("The query language");
    ImGui::Separator();
    if (ImGui::BeginTable("syntax", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        for (const SyntaxRow& row : kSyntax) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().accent);
            ImGui::TextUnformatted(row.example);
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.finds);
        }
        ImGui::EndTable();
    }
    if (!fields.empty()) {
        std::string list = "Fields of this corpus:";
        for (const std::string& name : fields) list += " " + name + ":";
        ImGui::Spacing();
        ImGui::TextUnformatted(list.c_str());
    }
    ImGui::Spacing();
    ImGui::TextUnformatted("Examples:");
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().accent);
    ImGui::TextUnformatted("  \"foreign minister\" lavr* -putin year:2010..2015\n"
                           "  NEAR(\"united states\" mexico, 5) OR title:mexico\n"
                           "  tariff OR (tax* NOT income) source:lincoln");
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(36.0f * ImGui::GetFontSize());
    MutedTextWrapped("Operators are capitals (OR, AND, NOT, NEAR). Case and accents do not matter unless "
                     "\"Exact case\" is on. Field filters (source:, party: …) keep documents whose field contains "
                     "the value; several of one field keep any of them. Errors name the column where the problem is.");
    ImGui::PopTextWrapPos();
}

}  // namespace

void DrawQueryHelp(const app::AppState& state) { DrawHelp(state.library.field_names); }

void QueryBox(app::AppState& state, const char* name, bool* focus) {
    const std::string prefix = std::string(name) + ".";
    const ImGuiStyle& style = ImGui::GetStyle();
    const float side = ImGui::GetFrameHeight() + style.ItemSpacing.x + ImGui::CalcTextSize("Exact case").x +
                       ImGui::GetFrameHeight() + 2 * style.ItemSpacing.x + style.FramePadding.x * 2;
    ImGui::SetNextItemWidth(std::clamp(ImGui::GetContentRegionAvail().x - side, 8.0f, 40.0f * ImGui::GetFontSize()));
    const ImGuiID id = ImGui::GetID("##query");
    const bool active = ImGui::GetActiveID() == id;
    // While the box is being edited ImGui writes its own copy of the text back every frame: a query set from
    // elsewhere (the other view's box, the test API) would be undone. The box lets go and takes it up again.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID written_key = ImGui::GetID("##query-written");   // a hash of the text the box last held
    const int query_hash = static_cast<int>(ImHashStr(state.query.c_str()));
    bool refocus = *focus;
    if (active && storage->GetInt(written_key, query_hash) != query_hash) {
        ImGui::ClearActiveID();
        ImGui::GetCurrentContext()->InputTextDeactivatedState.ID = 0;   // else its old text is written back
        refocus = true;
    }
    if (refocus) FocusNextItem();
    *focus = false;
    // Enter would end editing, as in any ImGui single-line field, and what the user typed next would be lost;
    // the search runs as one types, so Enter is taken from the box and the cursor stays.
    if (active) {
        ImGui::SetKeyOwner(ImGuiKey_Enter, id, ImGuiInputFlags_LockThisFrame);
        ImGui::SetKeyOwner(ImGuiKey_KeypadEnter, id, ImGuiInputFlags_LockThisFrame);
    }
    InputString("##query", "Search: a word, \"a phrase\", prefix*, a OR b, -not, year:1990..2000 (? for more)",
                &state.query);
    storage->SetInt(written_key, static_cast<int>(ImHashStr(state.query.c_str())));
    RecordItemRect(state, (prefix + "query").c_str());
    ImGui::SameLine();
    if (ImGui::Button("?")) ImGui::OpenPopup("query help");
    RecordItemRect(state, (prefix + "help").c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The query language, with examples");
    if (ImGui::BeginPopup("query help")) { DrawHelp(state.library.field_names); ImGui::EndPopup(); }
    ImGui::SameLine();
    ImGui::Checkbox("Exact case", &state.exact_case);
    RecordItemRect(state, (prefix + "exact").c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Match case and accents as typed: LAVROV does not find «Lavrov»");
    if (!state.query_error.empty() && state.searched_query == state.query) {
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().error);
        ImGui::TextWrapped("%s", state.query_error.c_str());
        ImGui::PopStyleColor();
        RecordItemRect(state, (prefix + "error").c_str());
    }
}

}  // namespace ui

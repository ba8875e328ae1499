// Re-import controls and dialogs: they show app::ReimportState and defer the user's choices to app::.
#include "ui/reimport_ui.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>

#include <imgui.h>

#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {

constexpr text::Encoding kEncodings[] = {text::Encoding::Utf8, text::Encoding::Windows1251, text::Encoding::Koi8R,
                                         text::Encoding::Windows1252, text::Encoding::Utf16LE, text::Encoding::Utf16BE};

// Runs `action` in Update; its failure becomes the status line's error.
template <typename Action>
void DeferReporting(app::AppState& state, Action action) {
    app::Defer(state, [action](app::AppState& s) {
        if (core::Status st = action(s); !st.ok()) s.last_error = st.message();
    });
}

// Muted text wrapped at the current wrap position (TextWrapped would wrap at the window's edge, which in an
// auto-sizing dialog feeds back into the dialog's width).
void MutedWrapped(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

}  // namespace

void ReimportControls::Draw(app::AppState& state) {
    const app::ReimportChoice& choice = state.reimport.choice;
    if (!choice.available) return;
    if (encoding_for_doc != state.library_doc_id) {   // a new document: offer what its import found
        encoding_for_doc = state.library_doc_id;
        encoding = 0;
        for (int i = 0; i < static_cast<int>(std::size(kEncodings)); ++i)
            if (choice.encoding && kEncodings[i] == *choice.encoding) encoding = i;
    }
    auto label = [&](int i) {
        std::string name = text::EncodingName(kEncodings[i]);
        if (choice.encoding && kEncodings[i] == *choice.encoding) name += choice.encoding_chosen ? " (as now)" : " (detected)";
        return name;
    };
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Read again as");
    ImGui::SameLine();
    // As wide as its label ("windows-1252 (detected)"), so the encoding the import saw is read whole.
    const std::string shown = label(encoding);
    ImGui::SetNextItemWidth(std::max(13 * ImGui::GetFontSize(), ButtonWidth(shown.c_str()) + ImGui::GetFrameHeight()));
    if (ImGui::BeginCombo("##encoding", shown.c_str())) {
        for (int i = 0; i < static_cast<int>(std::size(kEncodings)); ++i) {
            if (ImGui::Selectable(label(i).c_str(), i == encoding)) encoding = i;
            RecordItemRect(state, (std::string("details.encoding.") + text::EncodingName(kEncodings[i])).c_str());
        }
        ImGui::EndCombo();
    }
    RecordItemRect(state, "details.encoding");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s was read as %s%s", choice.file_name.c_str(),
                          choice.encoding ? text::EncodingName(*choice.encoding) : "an encoding the notes do not name",
                          choice.encoding_chosen ? " (chosen in a re-import)" : " (detected at import)");
    const bool busy = state.jobs.Busy();
    const text::Encoding chosen = kEncodings[encoding];
    SameLineOrWrap(ButtonWidth("This document…"));   // the details column is narrow at 1024 px
    if (ButtonIf(!busy, "This document…", kBusyReason)) {
        DeferReporting(state, [id = state.library_doc_id, chosen](app::AppState& s) {
            return app::PlanReimport(s, id, app::ReimportScope::Document, chosen);
        });
    }
    RecordItemRect(state, "details.reimport_doc");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Replace only this document with its part of %s read again", choice.file_name.c_str());
    if (choice.file_documents > 1) {
        char all[64];
        std::snprintf(all, sizeof all, "All %lld from this file…", static_cast<long long>(choice.file_documents));
        SameLineOrWrap(ButtonWidth(all));
        if (ButtonIf(!busy, all, kBusyReason)) {
            DeferReporting(state, [id = state.library_doc_id, chosen](app::AppState& s) {
                return app::PlanReimport(s, id, app::ReimportScope::File, chosen);
            });
        }
        RecordItemRect(state, "details.reimport_file");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Replace the %lld documents this import of %s gave (other imports of it stay)",
                              static_cast<long long>(choice.file_documents), choice.file_name.c_str());
    }
}

void DrawReimportUndoBar(app::AppState& state) {
    const auto& undo = state.reimport.undo;
    if (!undo || undo->corpus != state.corpus.get()) return;
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Re-imported %s.", undo->label.c_str());
    ImGui::SameLine();
    if (ButtonIf(!state.jobs.Busy(), "Undo re-import", kBusyReason)) DeferReporting(state, app::UndoReimport);
    RecordItemRect(state, "reimport.undo");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Put back the documents as they were before (text, metadata, notes)");
}

void DrawReimportDialogs(app::AppState& state) {
    const float em = ImGui::GetFontSize();
    const float wrap = std::min(36 * em, ImGui::GetMainViewport()->Size.x - 4 * em);
    if (const auto& plan = state.reimport.plan) {
        bool request = !ImGui::IsPopupOpen("Re-import?");
        if (BeginDialog("Re-import?", &request)) {
            const size_t n = plan->documents.size();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
            ImGui::Text("Read «%s» again as %s and replace %s:", plan->file.name.c_str(), text::EncodingName(plan->encoding),
                        n == 1 ? "this document" : (std::to_string(n) + " documents").c_str());
            ImGui::PopTextWrapPos();
            const float rows = static_cast<float>(std::min<size_t>(n, 8));
            ImGui::BeginChild("replaced", ImVec2(wrap, rows * ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2),
                              ImGuiChildFlags_Border);
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(n));
            while (clipper.Step())
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    const store::DocumentSummary& d = plan->documents[static_cast<size_t>(i)];
                    ImGui::BulletText("%s%s%s", d.title.c_str(), d.date.empty() ? "" : "  ·  ", DisplayDate(d.date).c_str());
                }
            ImGui::EndChild();
            RecordItemRect(state, "reimport.list");
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
            MutedWrapped(plan->scope == app::ReimportScope::File
                                 ? "These are the documents this import of the file gave; copies from other imports stay as they "
                                   "are. Text, notes and guessed metadata are read anew; a title, source, date or language you "
                                   "edited is kept. You can undo this."
                                 : "Only this document changes; the file's other documents and other copies stay as they are. "
                                   "Its text, notes and guessed metadata are read anew; a title, source, date or language you "
                                   "edited is kept. You can undo this.");
            ImGui::PopTextWrapPos();
            const std::string replace = "Replace " + std::to_string(n) + (n == 1 ? " document" : " documents");
            if (ImGui::Button(replace.c_str())) {
                DeferReporting(state, app::ConfirmReimport);
                ImGui::CloseCurrentPopup();
            }
            RecordItemRect(state, "reimport.confirm");
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) {
                state.reimport.plan.reset();
                ImGui::CloseCurrentPopup();
            }
            RecordItemRect(state, "reimport.cancel");
            ImGui::EndPopup();
        }
    }
    if (const auto& question = state.reimport.question) {
        bool request = !ImGui::IsPopupOpen("Already in this corpus");
        if (BeginDialog("Already in this corpus", &request)) {
            const size_t n = question->lines.size();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
            ImGui::Text("%s you are adding %s in «%s» already:", n == 1 ? "A file" : (std::to_string(n) + " files").c_str(),
                        n == 1 ? "is" : "are", state.corpus_name.c_str());
            for (const std::string& line : question->lines) {
                ImGui::Bullet();
                ImGui::TextUnformatted(line.c_str());   // wrapped at the dialog's wrap position
            }
            MutedWrapped("Adding it again makes a second copy of each of its documents. Nothing is added until you choose.");
            ImGui::PopTextWrapPos();
            const std::string skip = question->other_files == 0
                                         ? std::string(n == 1 ? "Skip it" : "Skip them")
                                         : "Skip, add the other " + std::to_string(question->other_files) +
                                               (question->other_files == 1 ? " file" : " files");
            if (ImGui::Button(skip.c_str())) {
                DeferReporting(state, [](app::AppState& s) { return app::AnswerDuplicates(s, false); });
                ImGui::CloseCurrentPopup();
            }
            RecordItemRect(state, "duplicates.skip");
            ImGui::SameLine();
            if (ImGui::Button("Add anyway")) {
                DeferReporting(state, [](app::AppState& s) { return app::AnswerDuplicates(s, true); });
                ImGui::CloseCurrentPopup();
            }
            RecordItemRect(state, "duplicates.add");
            ImGui::EndPopup();
        }
    }
}

}  // namespace ui

// Corpus dialogs: paste, rename, delete, dropped files. Modal popups centred on the window.
#include "ui/corpus_dialogs.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <imgui.h>

#include "ui/reimport_ui.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// A file name made from what the user typed (the importer uses a file's name as the title when the text
// has no headline), without characters file systems dislike.
std::string FileNameFor(const std::string& title) {
    std::string name;
    for (char c : title) name += (c == '/' || c == '\\' || c == ':' || static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
    if (name.empty()) name = "Pasted text";
    return name + ".txt";
}

}  // namespace

void CorpusDialogs::Draw(app::AppState& state) {
    DrawPaste(state);
    DrawRename(state);
    DrawDelete(state);
    DrawDropped(state);
    DrawReimportDialogs(state);
}

void CorpusDialogs::DrawPaste(app::AppState& state) {
    if (!BeginDialog("Paste text as a document", &open_paste)) return;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(40 * em);
    InputString("##paste_title", "Title (optional: else the first line, if it reads as a headline)", &paste_title);
    RecordItemRect(state, "paste.title");
    InputStringMultiline("##paste_text", &paste_text, ImVec2(40 * em, 16 * em));
    RecordItemRect(state, "paste.text");
    state.ui_text["paste.title"] = paste_title;
    state.ui_text["paste.text"] = paste_text;
    if (state.corpus) {
        ImGui::Checkbox("Add to the open corpus", &paste_add_to_open);
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", state.corpus_name.c_str());
    }
    const bool has_text = paste_text.find_first_not_of(" \t\r\n") != std::string::npos;
    if (ButtonIf(has_text, "Add document", "Paste or type some text first")) {
        const app::ImportTarget target =
            state.corpus && paste_add_to_open ? app::ImportTarget::OpenCorpus : app::ImportTarget::NewCorpus;
        app::Defer(state, [name = FileNameFor(paste_title), title = paste_title, text = paste_text, n = ++paste_count,
                           target](app::AppState& s) {
            // The importer reads files: the pasted text becomes one in the scratch directory.
            std::string path = (std::filesystem::temp_directory_path() / ("pasted-" + std::to_string(n) + ".txt")).string();
            std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
            app::ImportFiles(s, {{name, path, title}}, target);
        });
        paste_title.clear();
        paste_text.clear();
        ImGui::CloseCurrentPopup();
    }
    RecordItemRect(state, "paste.add");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void CorpusDialogs::DrawRename(app::AppState& state) {
    if (open_rename) rename_to = state.corpus_name;
    if (!BeginDialog("Rename corpus", &open_rename)) return;
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool enter = InputString("##rename", "Name", &rename_to, ImGuiInputTextFlags_EnterReturnsTrue);
    RecordItemRect(state, "rename.name");
    if ((ButtonIf(!rename_to.empty(), "Rename") || enter) && !rename_to.empty()) {
        app::Defer(state, [name = rename_to](app::AppState& s) {
            if (core::Status st = app::RenameCorpus(s, s.corpus_path, name); !st.ok()) s.last_error = st.message();
        });
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void CorpusDialogs::DrawDelete(app::AppState& state) {
    bool request = !delete_path.empty() && !ImGui::IsPopupOpen("Delete corpus?");
    if (!BeginDialog("Delete corpus?", &request)) return;
    ImGui::Text("Delete «%s» from this browser's storage?", delete_name.c_str());
    MutedTextWrapped("Its documents, index and notes are removed. This cannot be undone.");
    if (ImGui::Button("Delete")) {
        app::Defer(state, [path = delete_path](app::AppState& s) {
            if (core::Status st = app::DeleteCorpus(s, path); !st.ok()) s.last_error = st.message();
        });
        delete_path.clear();
        ImGui::CloseCurrentPopup();
    }
    RecordItemRect(state, "delete_corpus.confirm");
    ImGui::SameLine();
    if (ImGui::Button("Keep it")) { delete_path.clear(); ImGui::CloseCurrentPopup(); }
    ImGui::EndPopup();
}

void CorpusDialogs::DrawDropped(app::AppState& state) {
    bool request = !state.dropped_files.empty() && !ImGui::IsPopupOpen("Import dropped files");
    if (!BeginDialog("Import dropped files", &request)) return;
    const size_t n = state.dropped_files.size();
    ImGui::Text("%zu file%s dropped. Where should %s go?", n, n == 1 ? "" : "s", n == 1 ? "it" : "they");
    auto import = [&](app::ImportTarget target) {
        app::ImportFiles(state, std::move(state.dropped_files), target);
        state.dropped_files.clear();
        ImGui::CloseCurrentPopup();
    };
    std::string add = "Add to «" + state.corpus_name + "»";
    if (state.dropped_files.empty()) {
        ImGui::CloseCurrentPopup();
    } else if (ImGui::Button(add.c_str())) {
        import(app::ImportTarget::OpenCorpus);
    }
    RecordItemRect(state, "drop.add");
    ImGui::SameLine();
    if (!state.dropped_files.empty() && ImGui::Button("New corpus")) import(app::ImportTarget::NewCorpus);
    RecordItemRect(state, "drop.new");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        for (const app::ImportFile& f : state.dropped_files) std::remove(f.path.c_str());
        state.dropped_files.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace ui

// The Corpus menu's dialogs: paste text as a document, rename, confirm deleting a corpus, and "where should
// these dropped files go?". Each is a modal popup opened by a request flag and drawn every frame by
// AppWindow; actions go through app:: functions (deferred when they touch the database).
#pragma once
#include <string>

#include "app/app_state.h"

namespace ui {

struct CorpusDialogs {
    // Requests (set by menus and panels; the dialog opens on the next Draw)
    bool open_paste = false;
    bool open_rename = false;
    std::string delete_path;            // a corpus to confirm deleting ("" none)
    std::string delete_name;

    void Draw(app::AppState& state);

private:
    void DrawPaste(app::AppState& state);
    void DrawRename(app::AppState& state);
    void DrawDelete(app::AppState& state);
    void DrawDropped(app::AppState& state);

    std::string paste_title, paste_text, rename_to;
    bool paste_add_to_open = true;
    int paste_count = 0;                // numbers the pasted files' scratch names
};

}  // namespace ui

// The parts of the page outside the canvas that the app talks to: a hidden textarea that receives text
// (IME composition, dead keys, mobile keyboards, pasted text), the DOM clipboard events, the colour-scheme
// preference, a live region for screen readers, files picked or dropped (folders too), and waking the frame
// loop. The JavaScript half is in
// page.cpp (EM_JS) and web/corpuslens-page.js.
//
// Text reaches the app only through the textarea's input events, never through keypress, so each character
// arrives once. While an ImGui text field is active the textarea has the focus (so the on-screen keyboard
// opens on phones) and sits at the text cursor (so IME candidate windows appear there).
#pragma once
#include <string>

namespace platform {

struct PageCallbacks {
    void (*text)(const char* utf8);                 // committed text (typed, composed)
    void (*paste)(const char* utf8);                // clipboard text from a paste event
    const char* (*copy)();                          // text for a copy/cut event, or nullptr to let it pass
    void (*system_dark)(bool dark);                 // prefers-color-scheme changed (also called at install)
    void (*wake)();                                 // anything happened that needs a frame
    void (*import_files)(bool dropped, const char* jsonl);   // files the user picked or dropped, written to
                                                    // the file system: one {"name", "path"} object per line
    void (*fetched)(bool ok, const char* text);     // FetchShippedCorpus's result: "ID <JSON Lines>" or why not
    void (*arrived)();                              // one of those files has been written (a job may go on)
};

void InstallPage(const PageCallbacks& callbacks);

// Focuses the textarea (and moves it to x, y in CSS pixels) while a text field is active; gives the focus
// back to the canvas when not. Cheap to call every frame: only changes cause DOM work.
void SetTextInputActive(bool active, float x, float y, float line_height);

// Writes text to the system clipboard outside a copy event (a "Copy" button): navigator.clipboard where
// allowed, else a temporary selection with execCommand('copy').
void WriteClipboard(const std::string& utf8);

// Opens the browser's file dialog (must follow a user gesture closely: browsers allow it for a few seconds
// after a click). Chosen files come back through PageCallbacks::import_files.
void OpenFilePicker();

// Downloads a shipped corpus's files (corpora/manifest.json next to the app) into the file system; the
// result comes back through PageCallbacks::fetched.
void FetchShippedCorpus(const std::string& id);
// Saves `content` as a file called `name` through the browser (a Blob and a download link). With
// `png_scale` > 0, `content` is an SVG image: the browser draws it on a canvas at that scale and saves the PNG.
void Download(const std::string& name, const std::string& mime, const std::string& content, float png_scale = 0);
// Mirrors the status line into the page's aria-live region (only when it changed).
void AnnounceStatus(const std::string& line);

}  // namespace platform

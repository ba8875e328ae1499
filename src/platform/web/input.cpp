// html5 event callbacks → ImGuiIO events.
#include "platform/web/input.h"

#include <cstring>

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

namespace platform {

namespace {

constexpr const char* kCanvas = "#canvas";

ImGuiKey KeyFromCode(const char* code) {
    struct Entry { const char* code; ImGuiKey key; };
    static const Entry kKeys[] = {
        {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
        {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
        {"Space", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter},
        {"Escape", ImGuiKey_Escape}, {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl},
        {"ShiftLeft", ImGuiKey_LeftShift}, {"ShiftRight", ImGuiKey_RightShift}, {"AltLeft", ImGuiKey_LeftAlt},
        {"AltRight", ImGuiKey_RightAlt}, {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper},
        {"F1", ImGuiKey_F1}, {"F2", ImGuiKey_F2}, {"F3", ImGuiKey_F3}, {"F5", ImGuiKey_F5},
        {"Minus", ImGuiKey_Minus}, {"Equal", ImGuiKey_Equal}, {"Slash", ImGuiKey_Slash},
    };
    for (const Entry& e : kKeys) if (std::strcmp(code, e.code) == 0) return e.key;
    if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && code[4] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
    if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && code[6] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
    return ImGuiKey_None;
}

void UpdateModifiers(ImGuiIO& io, bool ctrl, bool shift, bool alt, bool meta) {
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
    io.AddKeyEvent(ImGuiMod_Shift, shift);
    io.AddKeyEvent(ImGuiMod_Alt, alt);
    io.AddKeyEvent(ImGuiMod_Super, meta);
}

int ImGuiButton(unsigned short dom_button) {
    switch (dom_button) {
    case 0: return ImGuiMouseButton_Left;
    case 1: return ImGuiMouseButton_Middle;
    case 2: return ImGuiMouseButton_Right;
    default: return -1;
    }
}

EM_BOOL OnMouseMove(int, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    return false;
}

EM_BOOL OnMouseDown(int, const EmscriptenMouseEvent* e, void*) {
    int button = ImGuiButton(e->button);
    if (button < 0) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    io.AddMouseButtonEvent(button, true);
    return false;  // let the browser move focus to the canvas
}

EM_BOOL OnMouseUp(int, const EmscriptenMouseEvent* e, void*) {
    int button = ImGuiButton(e->button);
    if (button >= 0) ImGui::GetIO().AddMouseButtonEvent(button, false);
    return false;
}

EM_BOOL OnMouseLeave(int, const EmscriptenMouseEvent*, void*) {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    return false;
}

// One ImGui wheel unit is one notch; browsers report a notch as ~100 px, 3 lines or 1 page.
EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void*) {
    double per_unit = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-e->deltaX / per_unit), static_cast<float>(-e->deltaY / per_unit));
    return true;  // the page itself never scrolls
}

// A key whose `key` is one printable character produces text through keypress; its keydown must not be
// cancelled or the keypress never comes. Shortcuts with Ctrl/Meta are left to the browser's clipboard events.
bool IsPrintable(const EmscriptenKeyboardEvent* e) {
    size_t len = std::strlen(e->key);
    if (len == 0 || len > 4) return false;
    unsigned char first = static_cast<unsigned char>(e->key[0]);
    size_t expected = first < 0x80 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4;
    return len == expected;
}

EM_BOOL OnKeyDown(int, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    UpdateModifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    ImGuiKey key = KeyFromCode(e->code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, true);
    if (e->ctrlKey || e->metaKey) {
        // Ctrl+A/Z/Y (select all, undo, redo) belong to the app's text fields; copy/cut/paste stay with the
        // browser so its clipboard events fire.
        return key == ImGuiKey_A || key == ImGuiKey_Z || key == ImGuiKey_Y;
    }
    if (IsPrintable(e)) return false;
    return key != ImGuiKey_None && key != ImGuiKey_F5;  // Tab, arrows, Backspace … are the app's
}

EM_BOOL OnKeyUp(int, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    UpdateModifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    ImGuiKey key = KeyFromCode(e->code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, false);
    return key != ImGuiKey_None && !IsPrintable(e);
}

EM_BOOL OnKeyPress(int, const EmscriptenKeyboardEvent* e, void*) {
    if (e->charCode >= 0x20 && !(e->ctrlKey || e->metaKey)) {
        ImGui::GetIO().AddInputCharacter(e->charCode);
        return true;
    }
    return false;
}

EM_BOOL OnFocus(int type, const EmscriptenFocusEvent*, void*) {
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    return false;
}

}  // namespace

void InstallInput() {
    emscripten_set_mousemove_callback(kCanvas, nullptr, true, OnMouseMove);
    emscripten_set_mousedown_callback(kCanvas, nullptr, true, OnMouseDown);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, true, OnMouseUp);
    emscripten_set_mouseleave_callback(kCanvas, nullptr, true, OnMouseLeave);
    emscripten_set_wheel_callback(kCanvas, nullptr, false, OnWheel);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, OnKeyDown);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, OnKeyUp);
    emscripten_set_keypress_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, OnKeyPress);
    emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, OnFocus);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, OnFocus);
}

void UpdateMouseCursor() {
    static ImGuiMouseCursor shown = ImGuiMouseCursor_COUNT;  // what the canvas' CSS cursor is now
    ImGuiMouseCursor wanted = ImGui::GetMouseCursor();
    if (wanted == shown) return;
    shown = wanted;
    const char* css = "default";
    switch (wanted) {
    case ImGuiMouseCursor_TextInput: css = "text"; break;
    case ImGuiMouseCursor_Hand: css = "pointer"; break;
    case ImGuiMouseCursor_ResizeEW: css = "ew-resize"; break;
    case ImGuiMouseCursor_ResizeNS: css = "ns-resize"; break;
    case ImGuiMouseCursor_ResizeAll: css = "move"; break;
    case ImGuiMouseCursor_NotAllowed: css = "not-allowed"; break;
    case ImGuiMouseCursor_None: css = "none"; break;
    default: break;
    }
    EM_ASM({ document.getElementById('canvas').style.cursor = UTF8ToString($0); }, css);
}

}  // namespace platform

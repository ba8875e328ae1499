// html5 event callbacks → ImGuiIO events.
#include "platform/web/input.h"

#include <cmath>
#include <cstring>
#include <vector>

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

namespace platform {

namespace {

constexpr const char* kCanvas = "#canvas";
void (*g_wake)() = nullptr;

// Touch gesture state: one finger at a time.
struct Touch {
    bool active = false;
    bool scrolling = false;       // moved past the slop: a scroll, not a tap
    long id = 0;
    double start_x = 0, start_y = 0, last_x = 0, last_y = 0;
    double start_ms = 0;
};
Touch g_touch;
constexpr double kTouchSlopPx = 8;          // movement that turns a touch into a scroll
constexpr double kLongPressMs = 500;        // a still touch this long is a right click

// Button events held back to the next frame (see BeginInputFrame).
struct ButtonEvent { int button; bool down; };
std::vector<ButtonEvent> g_deferred_buttons;
bool g_moved_this_frame = false;

void MovePointer(float x, float y) {
    ImGui::GetIO().AddMousePosEvent(x, y);
    g_moved_this_frame = true;
}

void ButtonChange(int button, bool down) {
    if (g_moved_this_frame || !g_deferred_buttons.empty()) g_deferred_buttons.push_back({button, down});
    else ImGui::GetIO().AddMouseButtonEvent(button, down);
}

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
    g_wake();
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    MovePointer(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    return false;
}

EM_BOOL OnMouseDown(int, const EmscriptenMouseEvent* e, void*) {
    g_wake();
    int button = ImGuiButton(e->button);
    if (button < 0) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    const ImVec2 pos(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    if (pos.x != io.MousePos.x || pos.y != io.MousePos.y) MovePointer(pos.x, pos.y);
    ButtonChange(button, true);
    return false;  // let the browser move focus to the canvas
}

EM_BOOL OnMouseUp(int, const EmscriptenMouseEvent* e, void*) {
    g_wake();
    int button = ImGuiButton(e->button);
    if (button >= 0) ButtonChange(button, false);
    return false;
}

EM_BOOL OnMouseLeave(int, const EmscriptenMouseEvent*, void*) {
    g_wake();
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    return false;
}

// One ImGui wheel unit is one notch; browsers report a notch as ~100 px, 3 lines or 1 page.
EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void*) {
    g_wake();
    double per_unit = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-e->deltaX / per_unit), static_cast<float>(-e->deltaY / per_unit));
    return true;  // the page itself never scrolls
}

bool TextareaFocused() {
    return EM_ASM_INT({ return document.activeElement === Module.corpusLensTextInput ? 1 : 0; }) != 0;
}

// A key whose `key` is one printable character produces text in the focused textarea (page.h); its keydown
// must not be cancelled or the text never comes. Ctrl/Meta shortcuts other than the ones below are left to
// the browser, so its clipboard events fire.
bool IsPrintable(const EmscriptenKeyboardEvent* e) {
    size_t len = std::strlen(e->key);
    if (len == 0 || len > 4) return false;
    unsigned char first = static_cast<unsigned char>(e->key[0]);
    size_t expected = first < 0x80 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4;
    return len == expected;
}

EM_BOOL OnKeyDown(int, const EmscriptenKeyboardEvent* e, void*) {
    g_wake();
    if (e->keyCode == 229) return false;  // part of an IME composition: the textarea handles it
    ImGuiIO& io = ImGui::GetIO();
    UpdateModifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    ImGuiKey key = KeyFromCode(e->code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, true);
    if (e->ctrlKey || e->metaKey) {
        // Ctrl+A/Z/Y (select all, undo, redo) belong to the app's text fields and Ctrl+K to its search box
        // (not the browser's); copy/cut/paste stay with the browser so its clipboard events fire.
        return key == ImGuiKey_A || key == ImGuiKey_Z || key == ImGuiKey_Y || key == ImGuiKey_K;
    }
    if (IsPrintable(e)) {
        // Normally the focused textarea turns this key into text (page.h). In the frame or two before it has
        // taken the focus (right after a click into a field) the key would be lost, so it goes in directly.
        if (!TextareaFocused()) io.AddInputCharactersUTF8(e->key);
        return false;
    }
    return key != ImGuiKey_None && key != ImGuiKey_F5;  // Tab, arrows, Backspace … are the app's
}

EM_BOOL OnKeyUp(int, const EmscriptenKeyboardEvent* e, void*) {
    g_wake();
    ImGuiIO& io = ImGui::GetIO();
    UpdateModifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    ImGuiKey key = KeyFromCode(e->code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, false);
    return key != ImGuiKey_None && !IsPrintable(e);
}

EM_BOOL OnFocus(int type, const EmscriptenFocusEvent*, void*) {
    g_wake();
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    return false;
}

const EmscriptenTouchPoint* FindTouch(const EmscriptenTouchEvent* e, long id) {
    for (int i = 0; i < e->numTouches; ++i)
        if (e->touches[i].identifier == id && e->touches[i].isChanged) return &e->touches[i];
    return nullptr;
}

EM_BOOL OnTouchStart(int, const EmscriptenTouchEvent* e, void*) {
    g_wake();
    if (g_touch.active || e->numTouches < 1) return true;
    const EmscriptenTouchPoint& t = e->touches[0];
    g_touch = {true, false, t.identifier, static_cast<double>(t.targetX), static_cast<double>(t.targetY),
               static_cast<double>(t.targetX), static_cast<double>(t.targetY), emscripten_get_now()};
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    MovePointer(static_cast<float>(t.targetX), static_cast<float>(t.targetY));
    return true;  // no browser scrolling, zooming or synthetic mouse events
}

EM_BOOL OnTouchMove(int, const EmscriptenTouchEvent* e, void*) {
    g_wake();
    const EmscriptenTouchPoint* t = g_touch.active ? FindTouch(e, g_touch.id) : nullptr;
    if (!t) return true;
    double x = t->targetX, y = t->targetY;
    if (!g_touch.scrolling && std::abs(x - g_touch.start_x) + std::abs(y - g_touch.start_y) > kTouchSlopPx)
        g_touch.scrolling = true;
    ImGuiIO& io = ImGui::GetIO();
    if (g_touch.scrolling) {
        // The content follows the finger: one wheel notch scrolls about five lines of ImGui text.
        float per_notch = 5.0f * ImGui::GetFontSize();
        io.AddMouseWheelEvent(static_cast<float>((x - g_touch.last_x) / per_notch),
                              static_cast<float>((y - g_touch.last_y) / per_notch));
    }
    g_touch.last_x = x;
    g_touch.last_y = y;
    return true;
}

EM_BOOL OnTouchEnd(int type, const EmscriptenTouchEvent* e, void*) {
    g_wake();
    const EmscriptenTouchPoint* t = g_touch.active ? FindTouch(e, g_touch.id) : nullptr;
    if (!t) return true;
    g_touch.active = false;
    if (type == EMSCRIPTEN_EVENT_TOUCHCANCEL || g_touch.scrolling) return true;
    // A tap clicks where it landed; a long one is a right click (context menu). ImGui's input queue spreads
    // the press and release over frames, so both register.
    ImGuiIO& io = ImGui::GetIO();
    int button = emscripten_get_now() - g_touch.start_ms >= kLongPressMs ? ImGuiMouseButton_Right : ImGuiMouseButton_Left;
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    MovePointer(static_cast<float>(g_touch.start_x), static_cast<float>(g_touch.start_y));
    ButtonChange(button, true);
    ButtonChange(button, false);
    return true;
}

}  // namespace

void InstallInput(void (*wake)()) {
    g_wake = wake;
    emscripten_set_mousemove_callback(kCanvas, nullptr, true, OnMouseMove);
    emscripten_set_mousedown_callback(kCanvas, nullptr, true, OnMouseDown);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, true, OnMouseUp);
    emscripten_set_mouseleave_callback(kCanvas, nullptr, true, OnMouseLeave);
    emscripten_set_wheel_callback(kCanvas, nullptr, false, OnWheel);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, OnKeyDown);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, OnKeyUp);
    emscripten_set_touchstart_callback(kCanvas, nullptr, true, OnTouchStart);
    emscripten_set_touchmove_callback(kCanvas, nullptr, true, OnTouchMove);
    emscripten_set_touchend_callback(kCanvas, nullptr, true, OnTouchEnd);
    emscripten_set_touchcancel_callback(kCanvas, nullptr, true, OnTouchEnd);
    emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, OnFocus);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, OnFocus);
}

void EndInputFrame() {
    g_moved_this_frame = false;
    ImGuiIO& io = ImGui::GetIO();
    for (const ButtonEvent& e : g_deferred_buttons) io.AddMouseButtonEvent(e.button, e.down);
    g_deferred_buttons.clear();
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

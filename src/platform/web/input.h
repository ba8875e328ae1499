// Browser input into Dear ImGui's IO, through Emscripten's html5 callbacks: mouse (on the canvas, with
// release anywhere), wheel (normalised across pixel/line/page modes, never scrolling the page), keyboard
// (keys by physical code; text comes from the page's textarea, see page.h), touch (tap = click, drag =
// scroll, long-press = right click), window focus, and the mouse cursor shape.
#pragma once

namespace platform {

// Registers the callbacks. Call once after ImGui::CreateContext(). `wake` is called on every event, so an
// idle frame loop can resume.
void InstallInput(void (*wake)());

// Delivers input held back for the next frame; call once per frame after ImGui::Render. A button press that
// arrives together with a pointer move is held back until the frame that sees the move is done, so the
// widget under the pointer is hovered before it is pressed (ImGui's overlapping items, such as tabs, ignore a
// press on a not-yet-hovered item: touch taps and fast clicks would otherwise be lost).
void EndInputFrame();

// Applies ImGui's wanted mouse cursor to the canvas' CSS cursor. Call once per frame after ImGui::Render.
void UpdateMouseCursor();

}  // namespace platform

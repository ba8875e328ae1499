// Browser input into Dear ImGui's IO, through Emscripten's html5 callbacks: mouse (on the canvas, with
// release anywhere), wheel (normalised across pixel/line/page modes, never scrolling the page), keyboard
// (keys by physical code, characters from keypress), window focus, and the mouse cursor shape.
#pragma once

namespace platform {

// Registers the callbacks. Call once after ImGui::CreateContext().
void InstallInput();

// Applies ImGui's wanted mouse cursor to the canvas' CSS cursor. Call once per frame after ImGui::Render.
void UpdateMouseCursor();

}  // namespace platform

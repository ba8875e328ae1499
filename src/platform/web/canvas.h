// The page's canvas: a WebGL2 context on it, and its backing store kept at CSS size × devicePixelRatio so
// text is crisp on HiDPI screens and follows window resizes and browser zoom.
#pragma once

namespace platform {

struct CanvasSize {
    double css_width = 0, css_height = 0;   // CSS pixels (ImGui's coordinates)
    double pixel_ratio = 1;                 // device pixels per CSS pixel
    int framebuffer_width = 0, framebuffer_height = 0;
};

// Creates a WebGL2 context on #canvas and makes it current. False when the browser cannot.
bool CreateWebGL2Context();

// Reads the canvas' CSS size and the pixel ratio; resizes the backing store when either changed.
CanvasSize SyncCanvasSize();

}  // namespace platform

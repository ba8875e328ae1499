// Draws ImGui's frames with WebGL2: one shader, one vertex array, the font atlas as a texture.
//
// Our own instead of ImGui's OpenGL3 backend because that backend saves and restores the GL state around
// every frame (some twenty glGet calls), and in a browser each of those is a synchronous round trip to the
// GPU process that waits for everything queued before it: the page's main thread stalled on the previous
// frame's drawing, every frame (measured: most of the main thread's time under software rendering). The app
// owns its WebGL context, so there is no state to save: this renderer sets what it needs and never reads
// GL state back.
//
//     platform::Renderer renderer;
//     if (!renderer.Init()) fail(renderer.error());
//     renderer.UploadFonts();                  // after the atlas is (re)built
//     renderer.Render(ImGui::GetDrawData(), framebuffer_width, framebuffer_height, background);
#pragma once
#include <string>

struct ImDrawData;

namespace platform {

class Renderer {
public:
    // Compiles the shader and makes the buffers (needs the WebGL2 context current). False with error() set
    // when the browser refuses.
    bool Init();
    const std::string& error() const { return Error; }
    // (Re)uploads ImGui's font atlas and tells ImGui its texture.
    void UploadFonts();
    // Clears the canvas to `background` (RGB) and draws a frame into it.
    void Render(const ImDrawData* data, int framebuffer_width, int framebuffer_height, const float background[3]);

private:
    unsigned Program = 0, VertexArray = 0, VertexBuffer = 0, IndexBuffer = 0, FontTexture = 0;
    int ProjectionLocation = -1;
    std::string Error;
};

}  // namespace platform

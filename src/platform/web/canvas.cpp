// Canvas sizing and the WebGL2 context, on Emscripten's html5 API.
#include "platform/web/canvas.h"

#include <cmath>

#include <emscripten/html5.h>

namespace platform {

namespace {
constexpr const char* kCanvas = "#canvas";
}

bool CreateWebGL2Context() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.depth = false;
    attrs.stencil = false;
    attrs.antialias = false;           // ImGui anti-aliases its own shapes
    attrs.preserveDrawingBuffer = false;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context(kCanvas, &attrs);
    if (context <= 0) return false;
    return emscripten_webgl_make_context_current(context) == EMSCRIPTEN_RESULT_SUCCESS;
}

CanvasSize SyncCanvasSize() {
    CanvasSize size;
    emscripten_get_element_css_size(kCanvas, &size.css_width, &size.css_height);
    size.pixel_ratio = emscripten_get_device_pixel_ratio();
    if (size.pixel_ratio <= 0) size.pixel_ratio = 1;
    size.framebuffer_width = static_cast<int>(std::lround(size.css_width * size.pixel_ratio));
    size.framebuffer_height = static_cast<int>(std::lround(size.css_height * size.pixel_ratio));
    int current_width = 0, current_height = 0;
    emscripten_get_canvas_element_size(kCanvas, &current_width, &current_height);
    if (current_width != size.framebuffer_width || current_height != size.framebuffer_height)
        emscripten_set_canvas_element_size(kCanvas, size.framebuffer_width, size.framebuffer_height);
    return size;
}

}  // namespace platform

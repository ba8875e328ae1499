// The web app's entry point: start-up (ICU data, WebGL2, ImGui, the demo corpus), the frame loop, and the
// C functions the page's JavaScript calls (the test API). Input lives in input.cpp, the canvas in canvas.cpp.
#include <cmath>
#include <cstdio>
#include <string>

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "app/app_state.h"
#include "platform/web/canvas.h"
#include "platform/web/input.h"
#include "text/icu_data.h"
#include "ui/main_window.h"
#include "ui/style.h"

namespace {

// Files packed into corpuslens.data by the build (web/CMakeLists.txt).
constexpr const char* kIcuDataPath = "/assets/icudt72l.dat";
constexpr const char* kFontPath = "/assets/ui-sans.ttf";

struct WebApp {
    app::AppState state;
    ui::MainWindow main_window;
    float font_pixel_ratio = 0;  // the ratio the font atlas was rasterised at
    std::string state_json;      // returned to JavaScript; valid until the next call
};

WebApp* g_app = nullptr;

void ShowFatal(const char* message) {
    std::fprintf(stderr, "%s\n", message);
    EM_ASM({ if (window.corpusLensFatal) window.corpusLensFatal(UTF8ToString($0)); }, message);
}

// Fonts are rasterised at the device pixel ratio and drawn at 1/ratio, so glyphs map 1:1 to screen pixels.
void RebuildFontsIfNeeded(WebApp& a, float pixel_ratio) {
    if (pixel_ratio == a.font_pixel_ratio) return;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    a.main_window.fonts = ui::LoadFonts(kFontPath, pixel_ratio);
    io.FontGlobalScale = 1.0f / pixel_ratio;
    if (a.font_pixel_ratio != 0) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    a.font_pixel_ratio = pixel_ratio;
}

void Frame() {
    WebApp& a = *g_app;
    app::Update(a.state);

    platform::CanvasSize size = platform::SyncCanvasSize();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(size.css_width), static_cast<float>(size.css_height));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(size.pixel_ratio), static_cast<float>(size.pixel_ratio));
    RebuildFontsIfNeeded(a, static_cast<float>(size.pixel_ratio));
    a.state.canvas_width = size.framebuffer_width;
    a.state.canvas_height = size.framebuffer_height;
    a.state.device_pixel_ratio = static_cast<float>(size.pixel_ratio);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    a.main_window.Draw(a.state);
    ImGui::Render();
    platform::UpdateMouseCursor();

    glViewport(0, 0, size.framebuffer_width, size.framebuffer_height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++a.state.frame;
    a.state.ready = true;
}

}  // namespace

extern "C" {

// The page's test API (window.corpusLens.state()) reads this JSON.
EMSCRIPTEN_KEEPALIVE const char* cl_state_json() {
    if (!g_app) return "{\"ready\":false}";
    g_app->state_json = app::StateJson(g_app->state);
    return g_app->state_json.c_str();
}

}  // extern "C"

int main() {
    g_app = new WebApp();  // lives as long as the page
    WebApp& a = *g_app;

    if (core::Status s = text::LoadIcuData(kIcuDataPath); !s.ok()) { ShowFatal(s.ToString().c_str()); return 1; }
    if (core::Status s = text::CheckIcuData(); !s.ok()) { ShowFatal(s.ToString().c_str()); return 1; }
    if (!platform::CreateWebGL2Context()) {
        ShowFatal("this browser could not create a WebGL2 context, which Corpus Lens needs to draw.");
        return 1;
    }
    if (const GLubyte* version = glGetString(GL_VERSION)) a.state.gl_version = reinterpret_cast<const char*>(version);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is the app's, not a file's
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendPlatformName = "corpuslens_web";
    ui::ApplyStyle(1.0f);      // sizes in CSS pixels; the framebuffer scale maps them to device pixels
    platform::InstallInput();
    ImGui_ImplOpenGL3_Init("#version 300 es");

    if (core::Status s = app::InitApp(a.state); !s.ok()) std::fprintf(stderr, "%s\n", s.ToString().c_str());

    emscripten_set_main_loop(Frame, 0, false);
    return 0;
}

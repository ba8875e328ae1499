// The web app's entry point: start-up (ICU data, WebGL2, ImGui, the demo corpus job), the frame loop with
// its job budget and idle pause, and the C functions the page's JavaScript calls (test API, clipboard).
// Input is in input.cpp, the canvas in canvas.cpp, the DOM side (textarea, clipboard events) in page.cpp.
//
// Idle: when no input arrived for kIdleAfterMs and no job runs (or every job waits), the main loop is paused (no frames, no CPU);
// any input, page event or command resumes it before the next animation frame.
#include <algorithm>
#include <cstdio>
#include <string>

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>   // the input event queue (idle must wait until it is drained)
#include <imgui_impl_opengl3.h>

#include "app/app_state.h"
#include "app/warm_up.h"
#include "core/deadline.h"
#include "platform/web/canvas.h"
#include "platform/web/input.h"
#include "platform/web/page.h"
#include "platform/web/storage.h"
#include "text/icu_data.h"
#include "ui/app_window.h"
#include "ui/style.h"

namespace {

// Files packed into corpuslens.data by the build (web/CMakeLists.txt).
constexpr const char* kIcuDataPath = "/assets/icudt72l.dat";
constexpr const char* kSansPath = "/assets/ui-sans.ttf";
constexpr const char* kMonoPath = "/assets/ui-mono.ttf";

// Frames keep coming this long after the last input (hover delays, animations settle), then rendering stops.
constexpr double kIdleAfterMs = 500;
// While jobs run, the time left before the next frame is due is used too: job slices of app::kJobBudgetMs,
// each its own browser task (input is handled between them), as long as one fits before the next display
// refresh. Where drawing alone takes a whole refresh (software rendering) no slice runs.
constexpr double kFrameIntervalMs = 1000.0 / 60.0;
// Jobs running (or a corpus downloading) and nobody using the page for kBackgroundAfterMs: each refresh gives
// the jobs kBackgroundBudgetMs and the progress is drawn every kBackgroundDrawMs (drawing can cost a whole refresh
// under software rendering, and a progress bar needs no 60 frames a second). Any input brings full-rate frames
// back at once; no task runs longer than a budget plus one unit of a job's work.
constexpr double kBackgroundAfterMs = 150;
constexpr double kBackgroundDrawMs = 250;
constexpr double kBackgroundBudgetMs = 14;
// A drawn frame's own job slice is what is left of kFrameCpuTargetMs after the previous frame's drawing (the
// Topics map at K=100 draws for several ms), at most app::kJobBudgetMs and at least kMinFrameJobMs, so a frame
// with a heavy view stays short and the time left before the refresh goes to job slices in their own tasks.
// A frame drawn in the background (progress only) runs no job slice: the back-to-back tasks do the work.
constexpr double kFrameCpuTargetMs = 9;
constexpr double kMinFrameJobMs = 1;
// How many copies of the demo texts the warm-up imports (app/warm_up.h).
constexpr int kWarmUpCopies = 10;


struct WebApp {
    app::AppState state;
    ui::AppWindow window;
    float font_pixel_ratio = 0;     // the ratio the font atlas was rasterised at
    double last_activity_ms = 0;
    double last_input_ms = 0;       // input, a page event or a command
    double last_frame_ms = 0;       // when the last frame was drawn
    bool paused = false;
    std::string state_json;         // returned to JavaScript; valid until the next call
    std::string command_result;
    std::string copy_text;          // what ImGui copied during the current copy event
    bool in_copy_event = false;
    bool background_slice_posted = false;
    std::unique_ptr<app::WarmUp> warm_up;
    double frame_start_ms = 0;      // when the current frame began (job slices stop before the next)
    double draw_ms = 0;             // the last drawn frame's CPU time besides its job slice (UI, ImGui, storage)
    uint64_t attempted_generation = 0;  // the storage generation the last save was started for
};

WebApp* g_app = nullptr;

void ShowFatal(const char* message) {
    std::fprintf(stderr, "%s\n", message);
    EM_ASM({ if (window.corpusLensFatal) window.corpusLensFatal(UTF8ToString($0)); }, message);
}

void Wake() {
    WebApp& a = *g_app;
    a.last_activity_ms = a.last_input_ms = core::NowMs();
    if (a.paused) {
        a.paused = false;
        a.state.idle = false;
        emscripten_resume_main_loop();
    }
}

// Fonts are rasterised at the device pixel ratio and drawn at 1/ratio, so glyphs map 1:1 to screen pixels.
void RebuildFontsIfNeeded(WebApp& a, float pixel_ratio) {
    if (pixel_ratio == a.font_pixel_ratio) return;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    a.window.fonts = ui::LoadFonts(kSansPath, kMonoPath, pixel_ratio);
    io.FontGlobalScale = 1.0f / pixel_ratio;
    if (a.font_pixel_ratio != 0) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    a.font_pixel_ratio = pixel_ratio;
}

void OnStorageSaved(double generation, const char* error);

// Posts `slice` as a new task (MessageChannel: not throttled like setTimeout).
EM_JS(void, JsPostTask, (void* slice), {
    if (!Module.corpusLensTasks) {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => wasmTable.get(e.data)();
        Module.corpusLensTasks = channel;
    }
    Module.corpusLensTasks.port2.postMessage(slice);
});

bool SliceFits(const WebApp& a) {
    return core::NowMs() - a.frame_start_ms + app::kJobBudgetMs < kFrameIntervalMs - 1.0;
}

void JobSlice() {
    WebApp& a = *g_app;
    if (!a.state.jobs.Busy() || !SliceFits(a)) return;
    a.state.jobs.Pump(app::kJobBudgetMs, a.state);
    if (a.state.jobs.Busy() && SliceFits(a)) JsPostTask(reinterpret_cast<void*>(&JobSlice));
}

bool InBackground(const WebApp& a, double now_ms) {
    return (a.state.jobs.Busy() || !a.state.fetching.empty()) && !a.in_copy_event &&
           now_ms - a.last_input_ms > kBackgroundAfterMs;
}

void BackgroundSlice();

// Starts the back-to-back job slices unless they run already or no job has work to do now.
void StartBackgroundSlices(WebApp& a) {
    if (!a.state.jobs.Busy() || a.state.jobs.Waiting() || a.background_slice_posted) return;
    a.background_slice_posted = true;
    JsPostTask(reinterpret_cast<void*>(&BackgroundSlice));
}

// In the background, jobs also run between refreshes: one budget per task, back to back, until input comes.
void BackgroundSlice() {
    WebApp& a = *g_app;
    a.background_slice_posted = false;
    if (!InBackground(a, core::NowMs())) return;
    a.state.jobs.Pump(kBackgroundBudgetMs, a.state);
    StartBackgroundSlices(a);
}

void Frame() {
    WebApp& a = *g_app;
    const double start_ms = core::NowMs();
    a.frame_start_ms = start_ms;
    const bool jobs_running = a.state.jobs.Busy();
    if (InBackground(a, start_ms) && start_ms - a.last_frame_ms < kBackgroundDrawMs) {
        // A refresh for the jobs alone, or (while a corpus downloads) left to the page's own tasks.
        if (jobs_running) app::Update(a.state, kBackgroundBudgetMs);
        StartBackgroundSlices(a);
        return;
    }
    const double frame_job_ms = InBackground(a, start_ms)
                                    ? 0.0
                                    : std::clamp(kFrameCpuTargetMs - a.draw_ms, kMinFrameJobMs, app::kJobBudgetMs);
    app::Update(a.state, frame_job_ms);
    // Keep drawing progress, and the frame after the end; jobs that all wait (a paused training, a download
    // not yet arrived) let the page go idle like no job.
    if (jobs_running && !a.state.jobs.Waiting()) a.last_activity_ms = start_ms;

    platform::CanvasSize size = platform::SyncCanvasSize();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(size.css_width), static_cast<float>(size.css_height));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(size.pixel_ratio), static_cast<float>(size.pixel_ratio));
    RebuildFontsIfNeeded(a, static_cast<float>(size.pixel_ratio));
    a.state.canvas_width = size.framebuffer_width;
    a.state.canvas_height = size.framebuffer_height;
    a.state.device_pixel_ratio = static_cast<float>(size.pixel_ratio);
    a.state.heap_bytes = static_cast<double>(emscripten_get_heap_size());

    // Real elapsed time, capped so a frame after an idle pause does not jump ImGui's timers.
    io.DeltaTime = static_cast<float>(std::clamp((start_ms - a.last_frame_ms) / 1000.0, 0.001, 0.1));
    a.last_frame_ms = start_ms;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    a.window.Draw(a.state);
    ImGui::Render();
    a.state.text_input = io.WantTextInput;
    if (a.state.request_file_picker) {
        a.state.request_file_picker = false;
        platform::OpenFilePicker();
    }
    for (const app::AppState::Download& d : a.state.downloads) platform::Download(d.name, d.mime, d.content, d.png_scale);
    a.state.downloads.clear();
    if (!a.state.request_fetch.empty()) {
        platform::FetchShippedCorpus(a.state.request_fetch);
        a.state.request_fetch.clear();
    }
    // Save after every committed change; a failed save is retried only after the next change.
    if (a.state.storage_ready && a.state.storage_generation != a.attempted_generation &&
        platform::SaveStorage(a.state.storage_generation, OnStorageSaved))
        a.attempted_generation = a.state.storage_generation;
    platform::EndInputFrame();
    platform::UpdateMouseCursor();
    platform::AnnounceStatus(app::StatusLine(a.state));

    // The app's own work ends here; what follows is handing the frame to WebGL, whose cost depends on the GPU
    // (with a software rasteriser such as SwiftShader it can dwarf everything else).
    const double gl_start_ms = core::NowMs();
    a.draw_ms = gl_start_ms - start_ms - a.state.jobs.LastPumpMs();
    app::RecordFrameTime(a.state, gl_start_ms - start_ms, jobs_running, a.state.jobs.LastPumpMs());
    glViewport(0, 0, size.framebuffer_width, size.framebuffer_height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    ++a.state.frame;
    a.state.ready = true;
    a.state.gl_ms = core::NowMs() - gl_start_ms;

    if (a.state.jobs.Busy() && !a.in_copy_event && SliceFits(a)) JsPostTask(reinterpret_cast<void*>(&JobSlice));
    // ImGui hands queued input to widgets a little per frame when it arrives faster than frames (fast typing):
    // stay awake until the queue is empty, or the last keys would wait for the next input.
    const bool input_queued = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
    const bool jobs_idle = !a.state.jobs.Busy() || a.state.jobs.Waiting();
    if (!a.in_copy_event && jobs_idle && !input_queued && core::NowMs() - a.last_activity_ms > kIdleAfterMs) {
        a.paused = true;
        a.state.idle = true;
        emscripten_pause_main_loop();
    }
}

// ImGui's clipboard hooks. Copy inside a DOM copy event goes to that event; otherwise (a "Copy" button) to
// the system clipboard directly. Paste reads what the last paste event brought.
// The warm-up (app/warm_up.h) in slices of a job budget, each its own task, while no job runs; a job (the
// user's import, or opening a corpus) ends it, since from then on real work warms the code.
void WarmUpSlice() {
    WebApp& a = *g_app;
    if (!a.warm_up) return;
    if (a.state.jobs.Busy()) {
        a.warm_up.reset();
        a.state.warm_up = "dropped";
        return;
    }
    const double start_ms = core::NowMs();
    const bool done = a.warm_up->Step(core::Deadline::In(app::kJobBudgetMs));
    a.state.warm_up_ms += core::NowMs() - start_ms;
    if (!done) {
        JsPostTask(reinterpret_cast<void*>(&WarmUpSlice));
        return;
    }
    a.state.warm_up = a.warm_up->status().ok() ? "done" : "failed: " + a.warm_up->status().message();
    a.warm_up.reset();
}

void OnStorageLoaded(const char* error) {
    WebApp& a = *g_app;
    if (*error) a.state.last_error = error;
    app::OpenStorage(a.state, platform::kCorporaDir, platform::RequestedCorpus());
    a.warm_up = std::make_unique<app::WarmUp>(kWarmUpCopies);
    a.state.warm_up = "running";
    JsPostTask(reinterpret_cast<void*>(&WarmUpSlice));
    Wake();
}

void OnStorageSaved(double generation, const char* error) {
    WebApp& a = *g_app;
    if (*error) {
        a.state.storage_error = error;
        a.state.last_error = error;
    } else {
        a.state.storage_error.clear();
        a.state.storage_saved_generation = static_cast<uint64_t>(generation);
    }
    // A frame is needed to show an error, or to start saving a change made while this save ran; a save that
    // worked changes nothing on screen (waking for it kept an idle page drawing for another half second).
    if (*error || a.state.storage_generation != a.attempted_generation) Wake();
}

void SetClipboard(void*, const char* text) {
    WebApp& a = *g_app;
    a.state.clipboard = text;
    if (a.in_copy_event) a.copy_text = text;
    else platform::WriteClipboard(text);
}

const char* GetClipboard(void*) { return g_app->state.clipboard.c_str(); }

// The ImGui text cursor, where the textarea goes so IME windows appear next to it.
void SetImeData(ImGuiViewport*, ImGuiPlatformImeData* data) {
    platform::SetTextInputActive(data->WantVisible, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

platform::PageCallbacks MakePageCallbacks() {
    platform::PageCallbacks callbacks;
    callbacks.text = [](const char* utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8); };
    callbacks.paste = [](const char* utf8) { g_app->state.clipboard = utf8; };
    callbacks.copy = []() -> const char* {
        WebApp& a = *g_app;
        a.in_copy_event = true;
        a.copy_text.clear();
        // Handle the Ctrl+C / Ctrl+X that triggered this event now, inside the event: as many frames as it
        // takes ImGui to hand over the keys queued before it (a Ctrl+A pressed just before, say).
        Frame();
        for (int i = 0; i < 8 && a.copy_text.empty() && ImGui::GetCurrentContext()->InputEventsQueue.Size > 0; ++i) Frame();
        a.in_copy_event = false;
        return a.copy_text.empty() ? nullptr : a.copy_text.c_str();
    };
    callbacks.system_dark = [](bool dark) { g_app->state.system_prefers_dark = dark; };
    callbacks.wake = Wake;
    callbacks.import_files = [](bool dropped, const char* jsonl) {
        app::AppState& state = g_app->state;
        const char* command = dropped ? "drop" : state.picker_target == app::ImportTarget::OpenCorpus ? "import-add" : "import";
        core::Status s = app::RunCommand(state, command, jsonl);
        if (!s.ok()) state.last_error = s.message();
    };
    callbacks.fetched = [](bool ok, const char* text) {
        app::AppState& state = g_app->state;
        if (!ok) { app::ShippedDownloadFailed(state, text); return; }
        core::Status s = app::RunCommand(state, "import-shipped", text);
        if (!s.ok()) state.last_error = s.message();
    };
    // A job waiting for this file goes on now rather than at the next refresh (which, while the GPU is busy
    // drawing, can be 100 ms away): one budget here, then back-to-back slices if nobody is at the page.
    callbacks.arrived = [] {
        WebApp& a = *g_app;
        if (!a.state.jobs.Busy() || a.in_copy_event) return;
        if (a.paused) {   // idle while the job waited: frames again (not counted as input)
            a.paused = false;
            a.state.idle = false;
            a.last_activity_ms = core::NowMs();
            emscripten_resume_main_loop();
        }
        a.state.jobs.Pump(app::kJobBudgetMs, a.state);
        if (InBackground(a, core::NowMs())) StartBackgroundSlices(a);
    };
    return callbacks;
}

}  // namespace

extern "C" {

// The page's test API: window.corpusLens.state() parses this JSON.
EMSCRIPTEN_KEEPALIVE const char* cl_state_json() {
    if (!g_app) return "{\"ready\":false}";
    g_app->state_json = app::StateJson(g_app->state);
    return g_app->state_json.c_str();
}

// window.corpusLens.command(name, arg): "" on success, else the error message.
EMSCRIPTEN_KEEPALIVE const char* cl_command(const char* name, const char* arg) {
    if (!g_app) return "not started";
    Wake();
    core::Status s = app::RunCommand(g_app->state, name, arg);
    g_app->command_result = s.ok() ? "" : s.message();
    return g_app->command_result.c_str();
}

}  // extern "C"

int main() {
    g_app = new WebApp();  // lives as long as the page
    WebApp& a = *g_app;
    a.last_activity_ms = core::NowMs();

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
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would keep an idle page drawing
    io.BackendPlatformName = "corpuslens_web";
    io.SetClipboardTextFn = SetClipboard;
    io.GetClipboardTextFn = GetClipboard;
    io.SetPlatformImeDataFn = SetImeData;
    platform::InstallInput(Wake);
    platform::InstallPage(MakePageCallbacks());
    ImGui_ImplOpenGL3_Init("#version 300 es");
    // One-time costs (font atlas at the current pixel ratio, shaders, font texture) are paid here, before
    // the first frame, so no frame carries them.
    RebuildFontsIfNeeded(a, static_cast<float>(platform::SyncCanvasSize().pixel_ratio));
    ImGui_ImplOpenGL3_CreateDeviceObjects();

    platform::LoadStorage(OnStorageLoaded);   // then OpenStorage opens the corpus asked for or used last
    emscripten_set_main_loop(Frame, 0, false);
    return 0;
}

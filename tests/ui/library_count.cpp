// The Library's count in the very frame a corpus opens: the page may draw no further frame until input
// comes (it pauses when idle), so a count made from the previous frame's rows ("0 of 8 documents") stays
// on screen until the mouse moves.
#include <doctest/doctest.h>

#include <imgui.h>

#include "app/app_state.h"
#include "core/number_text.h"
#include "ui/app_window.h"

TEST_SUITE("ui") {

TEST_CASE("the frame that shows a newly opened corpus counts all its documents") {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1024, 700);
    ui::AppWindow window;
    window.fonts = ui::LoadFonts(CL_TEST_FONT, CL_TEST_MONO_FONT, 1.0f);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    app::AppState state;
    app::InitApp(state);   // indexes the demo corpus in a job
    int frames = 0;
    for (; (state.jobs.Busy() || !state.corpus) && frames < 100000; ++frames) {
        app::Update(state, 2.0);   // the frame in which the job finishes and the corpus opens …
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        window.Draw(state);        // … is drawn once; nothing else happens before the check
        ImGui::Render();
    }
    REQUIRE(state.corpus != nullptr);
    CHECK(state.ui_text["library.count"] == core::CountText(static_cast<int64_t>(state.documents.size()), "document"));
    ImGui::DestroyContext();
}

}  // TEST_SUITE

// A view that is not built yet says what it will do, so the tab is never a blank page.
#pragma once
#include "app/app_state.h"

namespace ui {

struct PlannedPanel {
    const char* what;   // one paragraph: what the view will show and let the user do

    void Draw(app::AppState& state);
};

}  // namespace ui

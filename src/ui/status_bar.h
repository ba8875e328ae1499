// The status bar: the status line on the left; running jobs with progress bars and Cancel buttons, and the
// outcome of recently finished ones, on the right.
#pragma once
#include "app/app_state.h"

namespace ui {

struct StatusBar {
    void Draw(app::AppState& state);
};

}  // namespace ui

// Wrapped text with highlighted spans: the words between store::kHighlightBegin and kHighlightEnd markers
// (as in search snippets) get a highlight background.
#pragma once
#include <string_view>

namespace ui {

void HighlightedTextWrapped(std::string_view marked_text);

}  // namespace ui

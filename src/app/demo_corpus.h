// A tiny built-in corpus, so the app can prove at first load that storage, full-text search and the ICU
// tokenizer work before any real corpus is brought in. Short texts written for this purpose, in several
// languages and scripts.
#pragma once
#include <vector>

#include "store/corpus.h"

namespace app {

std::vector<store::DocumentInput> DemoDocuments();

}  // namespace app

// The doctest runner for every unit test. In the wasm build it first hands ICU the same data subset the web
// app ships (natively the system ICU has its full data).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

#include "text/icu_data.h"

int main(int argc, char** argv) {
#ifdef CL_TEST_ICU_DATA
    if (core::Status s = text::LoadIcuData(CL_TEST_ICU_DATA); !s.ok()) {
        std::fprintf(stderr, "%s\n", s.ToString().c_str());
        return 1;
    }
#endif
    doctest::Context context(argc, argv);
    return context.run();
}

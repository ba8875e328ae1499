// The product's name and version, set by CMake from project(VERSION).
#pragma once

namespace core {
const char* Version();      // "0.1.0"
const char* ProductName();  // "Corpus Lens"
}  // namespace core

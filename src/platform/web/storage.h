// Browser storage for corpora: the in-memory directory kCorporaDir is mirrored in IndexedDB, copied from it
// at start (asynchronously) and back after every committed change (only files that changed). A save is one
// IndexedDB transaction: a failed save (e.g. the storage quota is full) leaves IndexedDB as it was before,
// the app keeps working in memory, and the error is reported to the user.
#pragma once
#include <cstdint>
#include <string>

namespace platform {

inline constexpr const char* kCorporaDir = "/corpora";

// Creates kCorporaDir and starts filling it from IndexedDB; `loaded(error)` follows (error "" on success).
void LoadStorage(void (*loaded)(const char* error));
// Starts saving kCorporaDir unless a save is in flight (then returns false: call again later);
// `saved(generation, error)` follows.
bool SaveStorage(uint64_t generation, void (*saved)(double generation, const char* error));
// The page URL's ?corpus=ID ("" when absent).
std::string RequestedCorpus();

}  // namespace platform
